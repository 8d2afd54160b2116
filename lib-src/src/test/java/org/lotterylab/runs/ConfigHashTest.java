package org.lotterylab.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lotterylab.Sha256;

class ConfigHashTest {

    enum Kind { DENSE, TICKET }

    record Inner(double lr, List<Integer> milestones) {}

    record Config(String model, Kind kind, Inner inner, Map<String, Integer> extra) {}

    record SameFieldsOtherOrder(Map<String, Integer> extra, Inner inner, Kind kind, String model) {}

    private static final Config CONFIG = new Config("lenet", Kind.TICKET, new Inner(0.1, List.of(3, 6)), Map.of("b", 2, "a", 1));

    @Test
    void canonicalJsonSortsKeysAtEveryLevel() {
        assertEquals("{\"extra\":{\"a\":1,\"b\":2},\"inner\":{\"lr\":0.1,\"milestones\":[3,6]},\"kind\":\"TICKET\",\"model\":\"lenet\"}",
                ConfigHash.canonicalJson(CONFIG));
    }

    @Test
    void hashIgnoresComponentOrderButNotValues() {
        var reordered = new SameFieldsOtherOrder(Map.of("a", 1, "b", 2), new Inner(0.1, List.of(3, 6)), Kind.TICKET, "lenet");
        assertEquals(ConfigHash.of(CONFIG), ConfigHash.of(reordered));
        var changed = new Config("lenet", Kind.TICKET, new Inner(0.1, List.of(3, 7)), Map.of("b", 2, "a", 1));
        assertNotEquals(ConfigHash.of(CONFIG), ConfigHash.of(changed));
    }

    @Test
    void hashIsStableAcrossReleases() {
        // A changed hash would orphan every stored run: this pins the algorithm.
        assertEquals(64, ConfigHash.of(CONFIG).length());
        assertEquals(Sha256.of(ConfigHash.canonicalJson(CONFIG).getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                ConfigHash.of(CONFIG));
        assertEquals(ConfigHash.of(CONFIG).substring(0, 12), ConfigHash.folderName(CONFIG));
    }
}
