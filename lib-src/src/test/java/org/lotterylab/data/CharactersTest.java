package org.lotterylab.data;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class CharactersTest {

    @BeforeAll
    static void fontsAreInstalled() {
        assumeTrue(Files.isDirectory(Fonts.SYSTEM_FONTS), "no system fonts on this machine");
    }

    private static ImageData render(long seed) {
        return Characters.of("0A7x").perClass(3).seed(seed).render();
    }

    private static float[] pixels(ImageData data) {
        float[] all = new float[data.size() * 28 * 28];
        for (int i = 0; i < data.size(); i++) {
            System.arraycopy(data.image(i), 0, all, i * 28 * 28, 28 * 28);
        }
        return all;
    }

    @Test
    void enoughFacesAreInstalledForDigitsAndLetters() {
        int faces = Fonts.forAlphabet(Fonts.SYSTEM_FONTS, Characters.DIGITS + Characters.UPPERCASE + Characters.LOWERCASE).size();
        assertTrue(faces >= Fonts.MINIMUM, faces + " faces");
    }

    @Test
    void renderingIsTheSameForASeedAndDiffersAcrossSeeds() {
        assertArrayEquals(pixels(render(1)), pixels(render(1)));
        assertFalse(java.util.Arrays.equals(pixels(render(1)), pixels(render(2))));
    }

    @Test
    void classesAreTheAlphabetsCharactersInterleaved() {
        ImageData data = render(1);
        assertEquals(12, data.size());
        assertEquals(java.util.List.of("0", "A", "7", "x"), data.classNames());
        assertArrayEquals(new int[] {0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3}, data.labels());
    }

    @Test
    void imagesAreGreyLevelsWithACentredInkedGlyph() {
        ImageData data = Characters.of("8").perClass(2).jitter(Jitter.NONE).render();
        float[] image = data.image(0);
        float ink = 0;
        for (float p : image) {
            assertTrue(p >= 0 && p <= 1);
            ink += p;
        }
        assertTrue(ink > 20, "an 8 covers many pixels: " + ink);
        assertEquals(0f, image[0], "corners stay blank without jitter");
    }

    @Test
    void tooFewFontsNameThePackagesToInstall(@TempDir Path empty) {
        var e = assertThrows(IllegalStateException.class, () -> Characters.of("A").fontsFrom(empty).render());
        assertTrue(e.getMessage().contains("apt-get install fonts-dejavu-core"), e.getMessage());
    }

    @Test
    void badSettingsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Characters.of("AA"));
        assertThrows(IllegalArgumentException.class, () -> Characters.of("A B"));
        assertThrows(IllegalArgumentException.class, () -> Characters.of("A").perClass(0));
        assertThrows(IllegalArgumentException.class, () -> new Jitter(-1, 0, 0, 0));
    }
}
