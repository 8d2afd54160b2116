package org.lotterylab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RunLengthTest {

    @Test
    void eachSideOfAnAlternationCountsItsOwnSteps() {
        RunLength run = new RunLength(3, 7, 0);
        assertEquals(new RunLength(2, 4, 0), run.every(2, 0), "steps 0, 2, 4, 6");
        assertEquals(new RunLength(1, 3, 0), run.every(2, 1), "steps 1, 3, 5");
        assertEquals(run, run.every(1, 0));
    }

    @Test
    void aRewoundRunHasMadeTheUpdatesBeforeItsStart() {
        RunLength rewound = new RunLength(3, 7, 5);
        assertEquals(3, rewound.every(2, 0).start(), "steps 0, 2, 4 came before step 5");
        assertEquals(2, rewound.every(2, 1).start(), "steps 1, 3 came before step 5");
    }

    @Test
    void anOffsetOutsideThePeriodIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RunLength(3, 7, 0).every(2, 2));
    }
}
