package org.lotterylab.data;

/**
 * Bilinear resizing of one image plane, sampling at pixel centres (PyTorch's
 * {@code interpolate(mode="bilinear", align_corners=False)}), so that upsampling keeps an image centred.
 */
final class Bilinear {

    private Bilinear() {
    }

    /**
     * Resizes the plane at {@code src[srcOffset..]} into {@code dst[dstOffset..]}.
     *
     * @param src source values, row-major
     * @param srcOffset where the source plane starts
     * @param h source height
     * @param w source width
     * @param dst destination values
     * @param dstOffset where the destination plane starts
     * @param nh destination height
     * @param nw destination width
     */
    static void resize(float[] src, int srcOffset, int h, int w, float[] dst, int dstOffset, int nh, int nw) {
        for (int y = 0; y < nh; y++) {
            double sy = clamp((y + 0.5) * h / nh - 0.5, h - 1);
            int y0 = (int) sy;
            int y1 = Math.min(y0 + 1, h - 1);
            double fy = sy - y0;
            for (int x = 0; x < nw; x++) {
                double sx = clamp((x + 0.5) * w / nw - 0.5, w - 1);
                int x0 = (int) sx;
                int x1 = Math.min(x0 + 1, w - 1);
                double fx = sx - x0;
                double top = src[srcOffset + y0 * w + x0] * (1 - fx) + src[srcOffset + y0 * w + x1] * fx;
                double bottom = src[srcOffset + y1 * w + x0] * (1 - fx) + src[srcOffset + y1 * w + x1] * fx;
                dst[dstOffset + y * nw + x] = (float) (top * (1 - fy) + bottom * fy);
            }
        }
    }

    private static double clamp(double v, int max) {
        return Math.max(0, Math.min(v, max));
    }
}
