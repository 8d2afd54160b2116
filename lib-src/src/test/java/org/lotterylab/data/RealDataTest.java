package org.lotterylab.data;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Facts of the real data sets, checked where {@code environment/lab data} has fetched them. */
class RealDataTest {

    private static void assumeFetched(String dataset) {
        assumeTrue(Files.isDirectory(DataCache.standard().root().resolve(dataset)), dataset + " not fetched");
    }

    private static void assertDigitLabels(ImageData data) {
        int[] labels = data.labels();
        assertEquals(0, Arrays.stream(labels).min().orElseThrow());
        assertEquals(9, Arrays.stream(labels).max().orElseThrow());
    }

    @Test
    void mnistHasItsPublishedSplits() {
        assumeFetched("mnist");
        ImageData test = Datasets.mnist(Split.TEST);
        assertEquals(10_000, test.size());
        assertDigitLabels(test);
        assertEquals(60_000, Datasets.mnist(Split.TRAIN).size());
    }

    @Test
    void fashionMnistHasItsPublishedSplits() {
        assumeFetched("fashion-mnist");
        long start = System.nanoTime();
        ImageData train = Datasets.fashionMnist(Split.TRAIN);
        System.out.printf("Fashion-MNIST train set loaded in %.2f s%n", (System.nanoTime() - start) / 1e9);
        assertEquals(60_000, train.size());
        assertDigitLabels(train);
        assertEquals(10_000, Datasets.fashionMnist(Split.TEST).size());
    }

    @Test
    void digitsAre1797ImagesOfSixteenGreyLevels() {
        assumeFetched("digits");
        ImageData digits = Datasets.digits(false);
        assertEquals(1797, digits.size());
        assertDigitLabels(digits);
        assertEquals(1797, Datasets.digits(Split.TRAIN, true).size() + Datasets.digits(Split.TEST, true).size());
    }

    @Test
    void spamAssassinHasThePublicCorpusFolders() {
        assumeFetched("spam-assassin");
        List<Email> mails = SpamAssassin.load();
        Map<String, Long> byGroup = mails.stream().collect(Collectors.groupingBy(Email::group, Collectors.counting()));
        assertEquals(Map.of("easy-ham-1", 2500L, "easy-ham-2", 1400L, "hard-ham-1", 250L, "spam-1", 500L, "spam-2", 1396L),
                byGroup);
        assertEquals(1896, mails.stream().filter(Email::spam).count());
        assertTrue(mails.stream().filter(m -> !m.subject().isEmpty()).count() > 0.95 * mails.size());
    }
}
