"""environment/lab bench: training throughput of the library (DJL) against PyTorch eager.

For each model and batch size it times four things on Fashion-MNIST: the library's training loop
dense and masked (DjlBench.java, a separate JVM answering requests on a pipe) and the same step in
PyTorch eager, dense and masked (torch_side.py, in this process). The four are interleaved in
every repetition, in alternating order, so that a change of machine load between repetitions
hits all of them alike; the masked overhead and the DJL/PyTorch ratio are taken within each
repetition and their median is reported, with the spread and, as a second estimate for a busy
machine, the fastest repetition of each. Because a masked step differs from a dense one only by
a few in-place multiplications, which a busy machine's noise easily hides, those operations are
also timed alone (the fastest of many timings) and given as a share of a dense step.
Writes reports/bench/<model>-b<batch>.json.

Every measurement also reports where a step's time goes, phase by phase (the library's StepTimes,
and the same marks in the PyTorch loop), and both engines' inference throughput is timed alike.

Settings (environment): LAB_BENCH_MODELS ("lenet300100 lenet5 conv4"), LAB_BENCH_BATCHES (default
per model: 60 for LeNet-300-100, "64 256" for the others),
LAB_BENCH_THREADS (the number of CPUs), LAB_BENCH_REPS (5), LAB_BENCH_SECONDS (about this long per
measurement, default 1), LAB_BENCH_SPARSITY (0.8); LAB_DATA, LAB_REPORTS as for the notebooks.
"""
import argparse
import datetime
import gzip
import json
import math
import os
import platform
import statistics
import subprocess
import sys
from pathlib import Path

import torch

import torch_side

LEARNING_RATE = 0.01  # the same in DjlBench.java
MOMENTUM = 0.9
WARMUP = 1  # steps before the timed ones in every measurement (a fresh optimizer each time)
MASK_REPEATS = 100  # timings of the mask operations alone, of which the fastest is kept
MODES = [("djl", False), ("djl", True), ("torch", False), ("torch", True)]
# The batches the papers train each model with: LeNet-300-100 at 60 (Frankle & Carbin), the
# convolutional nets at 64, and 256 to show how the per-step overhead shrinks with the batch.
DEFAULT_BATCHES = {"lenet300100": "60", "lenet5": "64 256", "conv4": "64 256"}


def setting(name, default):
    value = os.environ.get(name, "").strip()
    return value if value else default


def load_fashion_mnist(data_dir):
    """The training split as (N, 1, 28, 28) float32 standardised like ImageData.normalized(), int64 labels."""
    folder = data_dir / "fashion-mnist"
    try:
        images = gzip.open(folder / "train-images-idx3-ubyte.gz").read()[16:]
        labels = gzip.open(folder / "train-labels-idx1-ubyte.gz").read()[8:]
    except FileNotFoundError as missing:
        sys.exit(f"[bench] Fashion-MNIST is missing ({missing.filename}); fetch it with: environment/lab data")
    x = torch.frombuffer(bytearray(images), dtype=torch.uint8).reshape(-1, 1, 28, 28).float() / 255
    y = torch.frombuffer(bytearray(labels), dtype=torch.uint8).long()
    return (x - x.mean()) / x.std(), y


class Djl:
    """The JVM running DjlBench.java: one request line in, one JSON answer line out."""

    def __init__(self, command, log):
        self.log = log
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=open(log, "w"), text=True)
        self.hello = self.answer()

    def answer(self):
        line = self.process.stdout.readline()
        if not line:
            self.process.wait()
            tail = "".join(open(self.log).readlines()[-15:])
            sys.exit(f"[bench] the DJL benchmark stopped; the end of {self.log}:\n{tail}")
        return json.loads(line)

    def request(self, line):
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()
        return self.answer()

    def measure(self, model, batch, masked, warmup, iterations):
        """Seconds of the timed steps and milliseconds per step of each phase."""
        answer = self.request(f"train {model} {batch} {'masked' if masked else 'dense'} {warmup} {iterations}")
        return answer["seconds"], answer["phases"]

    def profile(self, model, batch, steps):
        return self.request(f"profile {model} {batch} {steps}")

    def evaluate(self, model, batch, images):
        return self.request(f"evaluate {model} {batch} {images}")["seconds"]

    def mask_operations(self, model, repeats):
        return self.request(f"masks {model} {repeats}")["seconds"]

    def close(self):
        self.process.stdin.close()
        self.process.wait()


def check_shapes(model, djl_shapes, torch_shapes):
    """The comparison is only fair for the same architecture: every parameter must match."""
    if djl_shapes != torch_shapes:
        sys.exit(f"[bench] {model}: the PyTorch model differs from the library's:\n"
                 f"  library: {djl_shapes}\n  pytorch: {torch_shapes}\n"
                 "update environment/bench/torch_side.py to follow org.lotterylab.nn.Models")


def spread(values, relative=True):
    """Median and range; for a percentage near 0 (an overhead) a relative spread means nothing."""
    middle = statistics.median(values)
    result = {"median": middle, "min": min(values), "max": max(values)}
    if relative:
        result["spread_pct"] = 100 * (max(values) - min(values)) / middle
    return result


def cpu_model():
    with open("/proc/cpuinfo") as info:
        names = [line.split(":", 1)[1].strip() for line in info if line.startswith("model name")]
    return names[0] if names else platform.machine()


def bench(djl, subject, model, batch, reps, seconds):
    """Times the four modes `reps` times: samples/s per mode, each a list over repetitions; the
    number of timed steps per measurement; the fastest time of the mask operations alone per side."""
    def run(side, masked, warmup, iterations):
        if side == "djl":
            return djl.measure(model, batch, masked, warmup, iterations)
        return subject.measure(batch, masked, warmup, iterations)

    # One untimed round warms every path up and tells how many steps last about `seconds`.
    step = statistics.median(run(side, masked, WARMUP, 1)[0] for side, masked in MODES)
    iterations = max(2, math.ceil(seconds / step))
    sps = {mode: [] for mode in MODES}
    phases = {mode: [] for mode in MODES}
    for r in range(reps):
        for side, masked in (MODES if r % 2 == 0 else MODES[::-1]):
            elapsed, breakdown = run(side, masked, WARMUP, iterations)
            sps[(side, masked)].append(iterations * batch / elapsed)
            phases[(side, masked)].append(breakdown)
    mask_seconds = {"djl": min(djl.mask_operations(model, MASK_REPEATS)),
                    "torch": min(subject.mask_operations(MASK_REPEATS))}
    # Inference over as many images as about `seconds` of training saw, at least 1,000.
    images = max(1000, min(len(subject.images), iterations * batch))
    evaluation = {"djl": [], "torch": []}
    for r in range(reps):
        for side in (("djl", "torch") if r % 2 == 0 else ("torch", "djl")):
            elapsed = djl.evaluate(model, batch, images) if side == "djl" else subject.evaluate(batch, images)
            evaluation[side].append(images / elapsed)
    profiles = {"djl": djl.profile(model, batch, iterations), "torch": subject.profile(batch, iterations)}
    return sps, iterations, mask_seconds, median_phases(phases), evaluation, profiles


def median_phases(phases):
    """Per mode, every phase's median milliseconds per step over the repetitions."""
    return {mode: {phase: statistics.median(rep[phase] for rep in reps) for phase in torch_side.PHASES}
            for mode, reps in phases.items()}


def summary(model, batch, threads, measured, djl, subject, sparsity, load_before):
    sps, iterations, mask_seconds, phases, evaluation, profiles = measured
    djl_dense, djl_masked = sps[("djl", False)], sps[("djl", True)]
    torch_dense, torch_masked = sps[("torch", False)], sps[("torch", True)]
    # Within one repetition the modes ran back to back under the same load: compare them there.
    overhead = [100 * (d / m - 1) for d, m in zip(djl_dense, djl_masked)]
    torch_overhead = [100 * (d / m - 1) for d, m in zip(torch_dense, torch_masked)]
    ratio = [d / t for d, t in zip(djl_dense, torch_dense)]
    masked_ratio = [d / t for d, t in zip(djl_masked, torch_masked)]
    # Interference from other processes only ever slows a measurement down: the fastest of the
    # repetitions is the estimate least disturbed by a busy machine.
    best = {mode: max(values) for mode, values in sps.items()}
    # The mask operations against the fastest dense step: the larger, more cautious, share.
    mask_share = {side: 100 * mask_seconds[side] * best[(side, False)] / batch for side in ("djl", "torch")}
    return {
        "model": model, "batch": batch, "threads": threads,
        "djl_dense_sps": statistics.median(djl_dense),
        "djl_masked_sps": statistics.median(djl_masked),
        "masked_overhead_pct": statistics.median(overhead),
        "torch_dense_sps": statistics.median(torch_dense),
        "torch_masked_sps": statistics.median(torch_masked),
        "torch_masked_overhead_pct": statistics.median(torch_overhead),
        "djl_vs_torch_ratio": statistics.median(ratio),
        "djl_vs_torch_masked_ratio": statistics.median(masked_ratio),
        "repetitions": len(djl_dense),
        "phases_ms_per_step": {f"{side}_{'masked' if masked else 'dense'}": breakdown
                               for (side, masked), breakdown in phases.items()},
        "operator_profiles": profiles,
        "evaluation_sps": {"djl": statistics.median(evaluation["djl"]),
                           "torch": statistics.median(evaluation["torch"]),
                           "djl_vs_torch_ratio": statistics.median(
                               d / t for d, t in zip(evaluation["djl"], evaluation["torch"]))},
        "device": djl.hello["device"],
        "timestamp": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "best_of_repetitions": {
            "djl_dense_sps": best[("djl", False)], "djl_masked_sps": best[("djl", True)],
            "torch_dense_sps": best[("torch", False)], "torch_masked_sps": best[("torch", True)],
            "masked_overhead_pct": 100 * (best[("djl", False)] / best[("djl", True)] - 1),
            "torch_masked_overhead_pct": 100 * (best[("torch", False)] / best[("torch", True)] - 1),
            "djl_vs_torch_ratio": best[("djl", False)] / best[("torch", False)]},
        "mask_operations": {
            "djl_ms_per_step": 1000 * mask_seconds["djl"], "torch_ms_per_step": 1000 * mask_seconds["torch"],
            "djl_pct_of_dense_step": mask_share["djl"], "torch_pct_of_dense_step": mask_share["torch"],
            "note": f"fastest of {MASK_REPEATS} timings of the operations the masked step adds (zero the "
                    "masked gradients, re-apply the mask), each after 64 MiB of other writes have emptied the "
                    "CPU caches, against the fastest dense step"},
        "goals": {"masked_overhead_under_10pct": statistics.median(overhead) < 10,
                  "mask_operations_under_10pct": mask_share["djl"] < 10,
                  "djl_at_least_1.1x_torch": statistics.median(ratio) >= 1.1,
                  "djl_masked_at_least_1.1x_torch": statistics.median(masked_ratio) >= 1.1},
        "spread": {"djl_dense_sps": spread(djl_dense), "djl_masked_sps": spread(djl_masked),
                   "torch_dense_sps": spread(torch_dense), "torch_masked_sps": spread(torch_masked),
                   "masked_overhead_pct": spread(overhead, relative=False),
                   "djl_vs_torch_ratio": spread(ratio)},
        "samples_per_second": {"djl_dense": djl_dense, "djl_masked": djl_masked,
                               "torch_dense": torch_dense, "torch_masked": torch_masked},
        "method": {"dataset": "fashion-mnist train, 1x28x28, standardised",
                   "optimizer": f"SGD lr {LEARNING_RATE} momentum {MOMENTUM}, no weight decay",
                   "mask": f"global magnitude, sparsity {sparsity}",
                   "mask_density": {"djl": djl.hello["density"][model], "torch": subject.density()},
                   "warmup_steps": WARMUP, "timed_steps": iterations,
                   "note": "each measurement is one call of the library's Training.fit (fresh optimizer) "
                           "and a PyTorch loop doing the same: forward, loss, backward, [zero masked "
                           "gradients], SGD step, [re-apply mask], read loss and accuracy"},
        "engines": {"djl": djl.hello["engine"], "djl_setup": djl.hello["setup"], "torch": f"PyTorch {torch.__version__} (python3-torch)",
                    "torch_blas": os.path.realpath("/usr/lib/x86_64-linux-gnu/libblas.so.3")},
        "machine": {"cpu": cpu_model(), "cpus": os.cpu_count(),
                    "load_before": load_before, "load_after": list(os.getloadavg())},
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--classpath", required=True, help="the library's jar and its dependencies")
    parser.add_argument("--java", default="java")
    args = parser.parse_args()

    here = Path(__file__).resolve().parent
    home = Path(setting("LAB_HOME", str(here.parent.parent)))
    data_dir = Path(setting("LAB_DATA", str(home / "data" / "cache")))
    reports = Path(setting("LAB_REPORTS", str(home / "reports"))) / "bench"
    models = setting("LAB_BENCH_MODELS", " ".join(DEFAULT_BATCHES)).split()
    chosen_batches = setting("LAB_BENCH_BATCHES", "")
    threads = int(setting("LAB_BENCH_THREADS", str(os.cpu_count())))
    reps = int(setting("LAB_BENCH_REPS", "5"))
    seconds = float(setting("LAB_BENCH_SECONDS", "1"))
    sparsity = float(setting("LAB_BENCH_SPARSITY", "0.8"))
    unknown = [m for m in models if m not in torch_side.MODELS]
    if unknown:
        sys.exit(f"[bench] LAB_BENCH_MODELS names {unknown}; the benchmark knows {list(torch_side.MODELS)}")
    reports.mkdir(parents=True, exist_ok=True)

    # The same intra-op and inter-op thread counts on both sides.
    torch.set_num_threads(threads)
    torch.set_num_interop_threads(threads)
    load_before = list(os.getloadavg())
    batches_of = {m: [int(b) for b in (chosen_batches or DEFAULT_BATCHES.get(m, "64")).split()] for m in models}
    print(f"[bench] {threads} threads, {reps} repetitions of about {seconds:g} s, batches {batches_of}, "
          f"masks of {sparsity:.0%} sparsity; load average {load_before[0]:.2f} on {os.cpu_count()} CPUs")
    images, labels = load_fashion_mnist(data_dir)
    djl = Djl([args.java, "-cp", args.classpath, "-Dai.djl.offline=true",
               f"-Dai.djl.pytorch.num_threads={threads}", f"-Dai.djl.pytorch.num_interop_threads={threads}",
               str(here / "DjlBench.java"), str(sparsity), *models], reports / "djl.log")
    print(f"[bench] DJL: {djl.hello['engine']} on {djl.hello['device']} ({djl.hello['setup']}); "
          f"PyTorch eager: {torch.__version__} on cpu")
    if djl.hello["device"] != "cpu()":
        print("[bench] warning: DJL runs on a GPU but Debian's PyTorch on the CPU: the ratio compares devices")
    rows, breakdowns, profiles = [], [], []
    try:
        for model in models:
            subject = torch_side.Subject(model, images, labels, sparsity, LEARNING_RATE, MOMENTUM)
            check_shapes(model, djl.hello["shapes"][model], torch_side.shapes(subject.model))
            for batch in batches_of[model]:
                load = list(os.getloadavg())
                measured = bench(djl, subject, model, batch, reps, seconds)
                iterations = measured[1]
                result = summary(model, batch, threads, measured, djl, subject, sparsity, load)
                (reports / f"{model}-b{batch}.json").write_text(json.dumps(result, indent=2) + "\n")
                rows += [table_row(model, batch, "median", result),
                         table_row(model, batch, "best", result["best_of_repetitions"])]
                ops = result["mask_operations"]
                print(f"[bench] {model} batch {batch}: {reps} x {iterations} timed steps; spread of DJL dense "
                      f"{result['spread']['djl_dense_sps']['spread_pct']:.0f}%, PyTorch dense "
                      f"{result['spread']['torch_dense_sps']['spread_pct']:.0f}%; mask operations "
                      f"{ops['djl_ms_per_step']:.2f} ms/step in DJL ({ops['djl_pct_of_dense_step']:.2f}% of a dense "
                      f"step), {ops['torch_ms_per_step']:.2f} ms in PyTorch "
                      f"({ops['torch_pct_of_dense_step']:.2f}%); load {load[0]:.2f}")
                breakdowns.append(phase_table(model, batch, result))
                profiles += [profile_line(model, batch, side, p) for side, p in result["operator_profiles"].items()]
    finally:
        djl.close()
    print(f"\nsamples/s over {reps} repetitions, {threads} threads (overhead: extra time per masked step)")
    print(f"{'model':8} {'batch':>5} {'of reps':>7} {'DJL dense':>10} {'masked':>8} {'overhead':>9} "
          f"{'torch dense':>11} {'masked':>8} {'overhead':>9} {'DJL/torch':>9}")
    print("\n".join(rows))
    print("\nwhere a step's time goes, ms per step (median of the repetitions; eval: inference samples/s)")
    print(f"{'model':8} {'batch':>5} {'engine':13} " + " ".join(f"{p:>10}" for p in torch_side.PHASES)
          + f" {'total':>8} {'eval/s':>8}")
    print("\n".join(breakdowns))
    print("\nA dense step under PyTorch's profiler in each engine (slower than unprofiled): ms per step inside each "
          "thread's outermost operators and outside them")
    for line in profiles:
        print(line)
    print(f"[bench] load average now {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs; results in {reports}/")


def phase_table(model, batch, result):
    """Lines of the breakdown table: each engine's phases, dense and masked."""
    lines = []
    for key, breakdown in result["phases_ms_per_step"].items():
        side = key.split("_")[0]
        lines.append(f"{model:8} {batch:5d} {key:13} " + " ".join(f"{breakdown[p]:10.3f}" for p in torch_side.PHASES)
                     + f" {sum(breakdown.values()):8.3f} {result['evaluation_sps'][side]:8.0f}")
    return "\n".join(lines)


def profile_line(model, batch, side, p):
    top = ", ".join(f"{op} {ms:.3f}" for op, ms in list(p["top_ms"].items())[:5])
    outside = "Java, JNI, DJL" if side == "djl" else "Python"
    return (f"{model:8} {batch:5d} {side:5} {p['wall_ms']:.3f} ms: {p['operators_ms']:.3f} in {p['calls']:.0f} operator "
            f"calls, {p['outside_ms']:.3f} outside ({outside}); largest: {top}")


def table_row(model, batch, estimate, r):
    """One line of the summary table from a result or its best-of-repetitions part (same keys)."""
    return (f"{model:8} {batch:5d} {estimate:>7} {r['djl_dense_sps']:10.0f} {r['djl_masked_sps']:8.0f} "
            f"{r['masked_overhead_pct']:8.1f}% {r['torch_dense_sps']:11.0f} {r['torch_masked_sps']:8.0f} "
            f"{r['torch_masked_overhead_pct']:8.1f}% {r['djl_vs_torch_ratio']:9.2f}")


if __name__ == "__main__":
    main()
