package org.lotterylab;

import ai.djl.Device;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LabTest {

    @Test
    void profilesParseIgnoringCaseAndPickTheirValue() {
        assertEquals(Profile.FULL, Profile.parse(" Full "));
        assertEquals(10, Profile.parse("quick").pick(1, 10, 100));
        assertEquals("smoke", Profile.SMOKE.toString());
    }

    @Test
    void unknownProfileNamesTheAllowedValues() {
        var e = assertThrows(IllegalArgumentException.class, () -> Profile.parse("fast"));
        assertTrue(e.getMessage().contains("smoke, quick, full"), e.getMessage());
    }

    @Test
    void devicesParseInEveryWrittenForm() {
        assertEquals(Device.cpu(), Lab.parseDevice("cpu"));
        assertEquals(Device.gpu(0), Lab.parseDevice("gpu"));
        assertEquals(Device.gpu(1), Lab.parseDevice("gpu(1)"));
        assertEquals(Device.gpu(2), Lab.parseDevice("GPU2"));
        var e = assertThrows(IllegalArgumentException.class, () -> Lab.parseDevice("tpu"));
        assertTrue(e.getMessage().contains("LAB_DEVICE"), e.getMessage());
    }

    @Test
    void homeIsTheNearestAncestorWithTheManifest(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve(Lab.HOME_MARKER), "");
        Path notebooks = Files.createDirectories(dir.resolve("notebooks/labs"));
        assertEquals(dir.toAbsolutePath(), Lab.findHome(notebooks).orElseThrow());
    }

    @Test
    void describeNamesProfileDeviceAndEngine() {
        String line = Lab.describe();
        assertTrue(line.contains("profile " + Lab.profile()), line);
        assertTrue(line.contains("device " + Lab.device()), line);
        assertTrue(line.contains("DJL"), line);
        assertEquals(1, line.lines().count(), line);
    }
}
