package org.lotterylab.data;

import ai.djl.ndarray.types.Shape;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * A synthetic MNIST-like data set: characters drawn from the installed font faces onto 28×28 grey
 * images, each with a random font and a random affine {@link Jitter}. The same settings and seed
 * give the same images, different seeds different ones.
 *
 * <pre>{@code
 * ImageData letters = Characters.of(Characters.UPPERCASE).perClass(200).seed(3).render();
 * }</pre>
 */
public final class Characters {

    /** The ten digits. */
    public static final String DIGITS = "0123456789";
    /** The 26 capital letters. */
    public static final String UPPERCASE = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    /** The 26 small letters. */
    public static final String LOWERCASE = "abcdefghijklmnopqrstuvwxyz";

    /** Images are as large as MNIST's. */
    static final int SIDE = 28;
    /** Like MNIST, a glyph's larger side spans 20 pixels before jitter, leaving a margin to move in. */
    private static final double GLYPH_BOX = 20;
    private static final float OUTLINE_SIZE = 100f;

    private final String alphabet;
    private final int perClass;
    private final long seed;
    private final Jitter jitter;
    private final Path fontDirectory;

    private Characters(String alphabet, int perClass, long seed, Jitter jitter, Path fontDirectory) {
        this.alphabet = alphabet;
        this.perClass = perClass;
        this.seed = seed;
        this.jitter = Objects.requireNonNull(jitter, "jitter");
        this.fontDirectory = fontDirectory;
    }

    /**
     * Starts a data set with one class per character: 100 images per class, seed 0, moderate jitter,
     * the system's fonts.
     *
     * @param alphabet the classes, e.g. {@link #DIGITS} or {@code DIGITS + UPPERCASE}; distinct, visible characters
     * @return the settings, to be refined and then {@link #render() rendered}
     */
    public static Characters of(String alphabet) {
        if (alphabet.isEmpty() || alphabet.chars().distinct().count() != alphabet.length()
                || alphabet.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("The alphabet needs distinct visible characters, got '" + alphabet + "'");
        }
        return new Characters(alphabet, 100, 0, Jitter.MODERATE, Fonts.SYSTEM_FONTS);
    }

    /**
     * @param count images per class, positive
     * @return these settings with that many images per class
     */
    public Characters perClass(int count) {
        if (count <= 0) {
            throw new IllegalArgumentException("perClass must be positive, got " + count);
        }
        return new Characters(alphabet, count, seed, jitter, fontDirectory);
    }

    /**
     * @param newSeed fixes the fonts and distortions drawn
     * @return these settings with that seed
     */
    public Characters seed(long newSeed) {
        return new Characters(alphabet, perClass, newSeed, jitter, fontDirectory);
    }

    /**
     * @param newJitter the range of the random distortion, e.g. {@link Jitter#NONE}
     * @return these settings with that distortion
     */
    public Characters jitter(Jitter newJitter) {
        return new Characters(alphabet, perClass, seed, newJitter, fontDirectory);
    }

    /**
     * @param directory where to look for font files instead of {@link Fonts#SYSTEM_FONTS}
     * @return these settings with that font directory
     */
    public Characters fontsFrom(Path directory) {
        return new Characters(alphabet, perClass, seed, jitter, directory);
    }

    /**
     * Draws the images: class {@code i} is {@code alphabet.charAt(i)}, the classes interleaved.
     *
     * @return {@code perClass × alphabet.length()} images 1×28×28 with values in [0, 1]
     * @throws IllegalStateException when too few font faces are installed (naming the packages)
     */
    public ImageData render() {
        List<Font> fonts = Fonts.forAlphabet(fontDirectory, alphabet);
        Random random = new Random(seed);
        int classes = alphabet.length();
        int count = classes * perClass;
        float[] pixels = new float[count * SIDE * SIDE];
        int[] labels = new int[count];
        BufferedImage canvas = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_BYTE_GRAY);
        for (int i = 0; i < count; i++) {
            labels[i] = i % classes;
            Font font = fonts.get(random.nextInt(fonts.size()));
            draw(canvas, centredGlyph(font, alphabet.charAt(labels[i])), jitter.sample(random, SIDE));
            copyInto(canvas, pixels, i * SIDE * SIDE);
        }
        List<String> names = alphabet.chars().mapToObj(Character::toString).toList();
        return ImageData.wrap("characters", pixels, labels, new Shape(1, SIDE, SIDE), names);
    }

    /** The glyph's outline scaled so that its larger side spans {@link #GLYPH_BOX}, centred in the image. */
    private static java.awt.Shape centredGlyph(Font font, char c) {
        FontRenderContext context = new FontRenderContext(null, true, true);
        java.awt.Shape outline = font.deriveFont(OUTLINE_SIZE).createGlyphVector(context, String.valueOf(c)).getOutline();
        Rectangle2D bounds = outline.getBounds2D();
        double scale = GLYPH_BOX / Math.max(bounds.getWidth(), bounds.getHeight());
        AffineTransform t = AffineTransform.getTranslateInstance(SIDE / 2.0, SIDE / 2.0);
        t.scale(scale, scale);
        t.translate(-bounds.getCenterX(), -bounds.getCenterY());
        return t.createTransformedShape(outline);
    }

    private static void draw(BufferedImage canvas, java.awt.Shape glyph, AffineTransform distortion) {
        Graphics2D g = canvas.createGraphics();
        try {
            g.setColor(Color.BLACK);
            g.fillRect(0, 0, SIDE, SIDE);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(Color.WHITE);
            g.fill(distortion.createTransformedShape(glyph));
        } finally {
            g.dispose();
        }
    }

    private static void copyInto(BufferedImage canvas, float[] pixels, int offset) {
        int[] grey = canvas.getRaster().getPixels(0, 0, SIDE, SIDE, (int[]) null);
        for (int i = 0; i < grey.length; i++) {
            pixels[offset + i] = grey[i] / 255f;
        }
    }
}
