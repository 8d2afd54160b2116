package org.lotterylab.data;

import java.awt.geom.AffineTransform;
import java.util.Random;

/**
 * The range of the random affine distortion applied to each rendered character: every parameter
 * is drawn uniformly from {@code [-limit, +limit]}.
 *
 * @param rotationDegrees the largest rotation, in degrees
 * @param scale the largest relative change of size, e.g. 0.15 for ±15%
 * @param shear the largest horizontal shear factor
 * @param translation the largest shift in pixels, each axis
 */
public record Jitter(double rotationDegrees, double scale, double shear, double translation) {

    /** No distortion: every character upright and centred. */
    public static final Jitter NONE = new Jitter(0, 0, 0, 0);

    /** A distortion of the size of handwriting's variation, the default. */
    public static final Jitter MODERATE = new Jitter(12, 0.15, 0.25, 2);

    /**
     * Checks that every limit is non-negative and the scale leaves a visible character.
     *
     * @param rotationDegrees the largest rotation, in degrees
     * @param scale the largest relative change of size, below 1
     * @param shear the largest horizontal shear factor
     * @param translation the largest shift in pixels, each axis
     */
    public Jitter {
        if (rotationDegrees < 0 || scale < 0 || scale >= 1 || shear < 0 || translation < 0) {
            throw new IllegalArgumentException("Jitter limits must be non-negative and scale below 1, got " + this);
        }
    }

    /**
     * Draws one distortion about the centre of a square image.
     *
     * @param random the source of randomness
     * @param side the image's side in pixels
     * @return the transform to apply to a glyph already centred in the image
     */
    AffineTransform sample(Random random, int side) {
        double centre = side / 2.0;
        double factor = 1 + uniform(random, scale);
        AffineTransform t = new AffineTransform();
        t.translate(centre + uniform(random, translation), centre + uniform(random, translation));
        t.rotate(Math.toRadians(uniform(random, rotationDegrees)));
        t.shear(uniform(random, shear), 0);
        t.scale(factor, factor);
        t.translate(-centre, -centre);
        return t;
    }

    private static double uniform(Random random, double limit) {
        return (2 * random.nextDouble() - 1) * limit;
    }
}
