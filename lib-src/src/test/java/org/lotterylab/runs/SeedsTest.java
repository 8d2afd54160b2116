package org.lotterylab.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lotterylab.evidence.Sample;

class SeedsTest {

    @Test
    void firstSeedsCountFromZeroAndMapKeepsEachSeedsResult() {
        Seeds seeds = Seeds.first(3);
        assertEquals(List.of(0L, 1L, 2L), seeds.values());
        PerSeed<String> names = seeds.map(seed -> "run " + seed);
        assertEquals("run 2", names.get(2));
        assertEquals(List.of("run 0", "run 1", "run 2"), names.values());
        assertEquals(List.of(5, 5, 5), names.map(String::length).values());
        Sample lengths = names.sample("length", name -> name.length() + Double.parseDouble(name.substring(4)));
        assertEquals(Map.of(0L, 5.0, 1L, 6.0, 2L, 7.0), lengths.values());
        assertThrows(IllegalArgumentException.class, () -> names.get(7));
    }

    @Test
    void seedsAreDistinctAndAtLeastOne() {
        assertThrows(IllegalArgumentException.class, () -> Seeds.of(1, 1));
        assertThrows(IllegalArgumentException.class, () -> Seeds.first(0));
    }
}
