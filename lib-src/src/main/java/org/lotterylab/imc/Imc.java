package org.lotterylab.imc;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.BatchSampler;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.SequenceSampler;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.lotterylab.hessian.LipschitzEstimate;
import org.lotterylab.hessian.LossHessian;
import org.lotterylab.hessian.Remainder;
import org.lotterylab.hessian.Spectra;
import org.lotterylab.hessian.Spectrum;
import org.lotterylab.nn.Net;
import org.lotterylab.train.Schedule;
import org.lotterylab.train.Training;
import org.lotterylab.train.TrainingConfig;

/**
 * IMC's analysis of a freshly initialised net: the paper's step 1 (a few SGD steps from W₀ to W*)
 * and our reconstruction of its spectral steps (the Hessian's spectrum at W* and the Lipschitz
 * constant the gap condition needs). What it finds, {@link ImcAnalysis}, gives the masks and the
 * one-shot ticket.
 *
 * <pre>{@code
 * try (ImcAnalysis imc = Imc.with(ImcConfig.defaults(training)).analyse(net, trainSet)) {
 *     int n = imc.dimension(SpectrumEnd.SLOW);
 *     Ticket ticket = imc.ticket(imc.mask(SpectrumEnd.SLOW, Leverage.SUBSPACE));
 *     ticket.train(net, training, trainSet, testSet);          // step 6: one shot, no rounds
 * }
 * }</pre>
 */
public final class Imc {

    private final ImcConfig config;

    private Imc(ImcConfig config) {
        this.config = config;
    }

    /**
     * @param config the hyper-parameters
     * @return IMC with them
     */
    public static Imc with(ImcConfig config) {
        return new Imc(config);
    }

    /** @return the configuration */
    public ImcConfig config() {
        return config;
    }

    /**
     * Trains the net for the warm-up steps (it ends at W*), then takes the Hessian of the loss at
     * W* over its prunable weights on a sample of the training set, its spectrum (full up to
     * {@code fullLimit} weights, else Lanczos) and an estimate of Lip(F).
     *
     * @param net a freshly initialised net (its weights are W₀); it is left at W*
     * @param train the training set
     * @return the analysis (close it when done)
     * @throws IllegalArgumentException when the training set is smaller than the warm-up or the Hessian sample
     */
    public ImcAnalysis analyse(Net net, RandomAccessDataset train) {
        long start = System.nanoTime();
        NDManager manager = net.manager();
        List<String> names = net.prunableNames();
        Map<String, NDArray> initial = net.weights();
        int batchSize = config.training().batchSize();
        warmUp(net, train, batchSize);
        Map<String, NDArray> wStar = net.weights();
        double moved = distance(initial, wStar, names);
        initial.values().forEach(NDArray::close);
        if (moved == 0) {
            throw new IllegalStateException("the warm-up did not move the weights; raise the learning rate of "
                    + config.training());
        }
        try (Batch batch = hessianBatch(train, manager); LossHessian hessian = LossHessian.of(net, List.of(batch))) {
            Spectrum spectrum = hessian.dimension() <= config.fullLimit() ? Spectra.full(hessian, manager)
                    : Spectra.lanczos(hessian, config.lanczosSteps(), config.seed(), manager);
            long spectrumProducts = hessian.products();
            LipschitzEstimate lipschitz = Remainder.lipschitz(hessian, config.radiusScale() * moved,
                    config.lipschitzDirections(), config.lipschitzIterations(), config.seed(), manager);
            Cost cost = new Cost(config.warmupSteps(), (long) config.warmupSteps() * batchSize,
                    spectrumProducts + lipschitz.products(), hessian.samplesPerProduct(), (System.nanoTime() - start) / 1e9);
            return new ImcAnalysis(net, config, spectrum, lipschitz, wStar, cost);
        }
    }

    /** What the analysis spent, for {@link ImcSummary}. */
    record Cost(int warmupSteps, long warmupSamples, long products, long productSamples, double seconds) {}

    /** The paper's step 1: {@code warmupSteps} SGD iterations on as many random batches. */
    private void warmUp(Net net, RandomAccessDataset train, int batchSize) {
        long samples = (long) config.warmupSteps() * batchSize;
        RandomAccessDataset steps = train.subDataset(sample(train, samples, config.seed()));
        TrainingConfig oneEpoch = config.training().withEpochs(1).withSchedule(Schedule.constant()).withEvaluateEvery(0);
        // The warm-up batches double as the evaluation set: a test set would only add cost here.
        Training.with(oneEpoch).labelled(net.name() + " IMC warm-up").fit(net, steps, steps);
    }

    private Batch hessianBatch(RandomAccessDataset train, NDManager manager) {
        int n = config.hessianSamples();
        RandomAccessDataset sample = train.subDataset(sample(train, n, config.seed() + 1));
        try {
            return sample.getData(manager, new BatchSampler(new SequenceSampler(), n, false)).iterator().next();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Hessian's samples", e);
        } catch (TranslateException e) {
            throw new IllegalStateException("cannot batch the Hessian's samples: " + e.getMessage(), e);
        }
    }

    /** Distinct random indices, by a partial Fisher-Yates shuffle of a Java generator. */
    private static List<Long> sample(RandomAccessDataset data, long count, long seed) {
        if (count > data.size()) {
            throw new IllegalArgumentException("IMC needs " + count + " training samples (warm-up steps × batch size, "
                    + "or the Hessian's samples) but the training set has " + data.size());
        }
        int size = Math.toIntExact(data.size());
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<Long> chosen = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(size - i);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
            chosen.add((long) order[i]);
        }
        return chosen;
    }

    private static double distance(Map<String, NDArray> a, Map<String, NDArray> b, List<String> names) {
        double squares = 0;
        for (String name : names) {
            try (NDArray difference = a.get(name).sub(b.get(name)); NDArray sum = difference.square().sum()) {
                squares += sum.toType(DataType.FLOAT64, false).getDouble();
            }
        }
        return Math.sqrt(squares);
    }
}
