"""The PyTorch half of `environment/lab bench`: the library's models and its training step in
PyTorch eager, timed the way DjlBench.java times the library's loop.

The models repeat org.lotterylab.nn.Models layer by layer (bench.py checks every parameter's
name and shape against the library's); the step repeats the library's TrainingLoop: forward,
softmax cross-entropy, backward, then (masked) the masked gradients are zeroed, the optimizer
steps and the mask is applied again; the loss and the training accuracy are read back each step,
as the library's DJL listeners do.
"""
from collections import Counter, OrderedDict
import time

import torch
from torch import nn
import torch.nn.functional as F


def lenet300100(classes=10):
    """Models.lenet300100(1, classes): fc 784->300, 300->100, 100->classes."""
    return nn.Sequential(OrderedDict([
        ("flatten", nn.Flatten()),
        ("fc1", nn.Linear(784, 300)), ("relu1", nn.ReLU()),
        ("fc2", nn.Linear(300, 100)), ("relu2", nn.ReLU()),
        ("fc3", nn.Linear(100, classes)),
    ]))


def lenet5(classes=10):
    """Models.lenet5(1, classes): conv 20@5x5, pool, conv 50@5x5, pool, fc 800->500, fc 500->classes."""
    return nn.Sequential(OrderedDict([
        ("conv1", nn.Conv2d(1, 20, 5)), ("relu1", nn.ReLU()), ("pool1", nn.MaxPool2d(2, 2)),
        ("conv2", nn.Conv2d(20, 50, 5)), ("relu2", nn.ReLU()), ("pool2", nn.MaxPool2d(2, 2)),
        ("flatten", nn.Flatten()),
        ("fc1", nn.Linear(800, 500)), ("relu3", nn.ReLU()),
        ("fc2", nn.Linear(500, classes)),
    ]))


def conv4(classes=10):
    """Models.conv4(1, classes): 3x3 convs 64, 64, pool, 128, 128, pool, then fc 256, 256, classes."""
    return nn.Sequential(OrderedDict([
        ("conv1", nn.Conv2d(1, 64, 3, padding=1)), ("relu1", nn.ReLU()),
        ("conv2", nn.Conv2d(64, 64, 3, padding=1)), ("relu2", nn.ReLU()), ("pool1", nn.MaxPool2d(2, 2)),
        ("conv3", nn.Conv2d(64, 128, 3, padding=1)), ("relu3", nn.ReLU()),
        ("conv4", nn.Conv2d(128, 128, 3, padding=1)), ("relu4", nn.ReLU()), ("pool2", nn.MaxPool2d(2, 2)),
        ("flatten", nn.Flatten()),
        ("fc1", nn.Linear(128 * 7 * 7, 256)), ("relu5", nn.ReLU()),
        ("fc2", nn.Linear(256, 256)), ("relu6", nn.ReLU()),
        ("fc3", nn.Linear(256, classes)),
    ]))


MODELS = {"lenet300100": lenet300100, "lenet5": lenet5, "conv4": conv4}

# The phases of a step as the library's StepTimes names them; PyTorch frees a step's tensors as their
# references drop, inside the other phases, and has no strict-mode checks, so those two stay 0.
PHASES = ["data", "forward", "backward", "metrics", "free", "update", "after_step", "checks"]


def shapes(model):
    """Every parameter's name and shape, in the form DjlBench.java reports the library's."""
    return {name: list(p.shape) for name, p in model.named_parameters()}


def global_magnitude_mask(model, sparsity):
    """Prunes the smallest |w| of all conv and linear weights together, like Prune.magnitude().global()."""
    weights = {name: p for name, p in model.named_parameters() if name.endswith("weight")}
    scores = torch.cat([p.detach().abs().flatten() for p in weights.values()])
    pruned = round(sparsity * scores.numel())
    threshold = scores.kthvalue(pruned).values if pruned > 0 else scores.min() - 1
    masks = {name: (p.detach().abs() > threshold).float() for name, p in weights.items()}
    with torch.no_grad():
        for name, p in weights.items():
            p.mul_(masks[name])
    return masks


class Subject:
    """One model, its mask and the training data, timed by `measure`."""

    def __init__(self, name, images, labels, sparsity, learning_rate, momentum):
        torch.manual_seed(0)
        self.model = MODELS[name]()
        self.masks = global_magnitude_mask(self.model, sparsity)
        self.images, self.labels = images, labels
        self.learning_rate, self.momentum = learning_rate, momentum

    def density(self):
        kept = sum(int(m.sum()) for m in self.masks.values())
        return kept / sum(m.numel() for m in self.masks.values())

    def measure(self, batch, masked, warmup, iterations):
        """Seconds of `iterations` steps after `warmup` ones, with a fresh optimizer, as one fit() call,
        and the milliseconds per step of each phase (PHASES)."""
        spent = dict.fromkeys(PHASES, 0.0)
        last = time.perf_counter()

        def mark(phase, step):
            nonlocal last
            now = time.perf_counter()
            if step >= warmup:
                spent[phase] += now - last
            last = now

        self.train(batch, masked, warmup + iterations, mark)
        return sum(spent.values()), {phase: 1000 * t / iterations for phase, t in spent.items()}

    def profile(self, batch, steps):
        """Dense steps under PyTorch's profiler, per step as DjlBench's `profile` answers: milliseconds
        inside each thread's outermost operators (an operator's time includes what it calls), outside
        them (Python), the number of outermost operator calls, and the ten largest operators."""
        with torch.profiler.profile(activities=[torch.profiler.ProfilerActivity.CPU]) as profiler:
            start = time.perf_counter()
            self.train(batch, False, steps, lambda phase, step: None)
            wall = time.perf_counter() - start
        by_operator = Counter()
        calls = 0
        for event in profiler.events():
            if event.cpu_parent is None:
                by_operator[event.name] += event.cpu_time_total
                calls += 1
        inside = sum(by_operator.values()) / 1000 / steps
        return {"wall_ms": 1000 * wall / steps, "operators_ms": inside, "outside_ms": 1000 * wall / steps - inside,
                "calls": calls / steps, "top_ms": {op: us / 1000 / steps for op, us in by_operator.most_common(10)}}

    def train(self, batch, masked, steps, mark):
        """`steps` training steps with a fresh optimizer, calling mark(phase, step) at the end of each phase."""
        params = dict(self.model.named_parameters())
        masked_params = [(params[name], m) for name, m in self.masks.items()] if masked else []
        optimizer = torch.optim.SGD(self.model.parameters(), lr=self.learning_rate, momentum=self.momentum)
        if masked:
            with torch.no_grad():
                for p, m in masked_params:
                    p.mul_(m)
        self.model.train()
        order = torch.randperm(steps * batch, generator=torch.Generator().manual_seed(0))
        loss_sum, correct = 0.0, 0
        for i in range(steps):
            index = order[i * batch:(i + 1) * batch]
            x, y = self.images[index], self.labels[index]
            optimizer.zero_grad()
            mark("data", i)
            out = self.model(x)
            loss = F.cross_entropy(out, y)
            mark("forward", i)
            loss.backward()
            mark("backward", i)
            loss_sum += loss.item()
            correct += int((out.argmax(1) == y).sum())
            mark("metrics", i)
            for p, m in masked_params:
                p.grad.mul_(m)
            optimizer.step()
            mark("update", i)
            with torch.no_grad():
                for p, m in masked_params:
                    p.mul_(m)
            mark("after_step", i)

    def evaluate(self, batch, images):
        """Seconds of one inference pass over the first `images` training images, after a warm-up pass."""
        self.model.eval()

        def run():
            correct = 0
            with torch.no_grad():
                for start in range(0, images, batch):
                    x, y = self.images[start:min(images, start + batch)], self.labels[start:min(images, start + batch)]
                    correct += int((self.model(x).argmax(1) == y).sum())
            return correct

        run()
        start = time.perf_counter()
        run()
        return time.perf_counter() - start

    def mask_operations(self, repeats):
        """Seconds, each time, of what the masked step adds: zero the masked gradients, re-apply the
        mask; with the CPU caches filled with other data first, as a forward and backward pass leaves them."""
        params = dict(self.model.named_parameters())
        scratch = torch.zeros(16 << 20)  # 64 MiB, more than the caches hold
        seconds = []
        for _ in range(repeats):
            scratch.add_(1)
            start = time.perf_counter()
            for name, m in self.masks.items():
                params[name].grad.mul_(m)
            with torch.no_grad():
                for name, m in self.masks.items():
                    params[name].mul_(m)
            seconds.append(time.perf_counter() - start)
        return seconds
