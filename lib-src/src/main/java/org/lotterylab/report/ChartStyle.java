package org.lotterylab.report;

import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;

/**
 * The one look of every chart of the lab: white background, light grid, a palette that
 * colour-blind readers can tell apart (Okabe &amp; Ito), DejaVu Sans, legend at the right. Apply it to a
 * chart of your own with {@code ChartStyle.apply(new XYChart(ChartStyle.WIDTH, ChartStyle.HEIGHT))}.
 */
public final class ChartStyle {

    /** Default width in pixels: wide enough for a notebook cell, small enough for an HTML report. */
    public static final int WIDTH = 720;
    /** Default height in pixels. */
    public static final int HEIGHT = 420;

    /** Okabe &amp; Ito's palette, distinguishable with every common form of colour blindness. */
    static final Color[] PALETTE = {
        new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
        new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000), new Color(0xF0E442),
    };

    private static final Color GRID = new Color(0xE0E0E0);
    private static final String FONT = "DejaVu Sans";
    private static final int BAND_ALPHA = 50;

    private ChartStyle() {
    }

    /**
     * Styles a chart in the lab's look.
     *
     * @param chart any XChart chart
     * @param <C> its type
     * @return the same chart, for chaining
     */
    public static <C extends Chart<?, ?>> C apply(C chart) {
        Styler s = chart.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderVisible(false);
        s.setChartTitleBoxVisible(false);
        s.setChartTitleFont(font(Font.BOLD, 15));
        s.setLegendFont(font(Font.PLAIN, 12));
        s.setLegendBorderColor(Color.WHITE);
        s.setLegendPosition(Styler.LegendPosition.OutsideE);
        s.setSeriesColors(PALETTE);
        s.setAntiAlias(true);
        if (s instanceof AxesChartStyler axes) {
            axes.setAxisTitleFont(font(Font.PLAIN, 13));
            axes.setAxisTickLabelsFont(font(Font.PLAIN, 11));
            axes.setPlotGridLinesColor(GRID);
            axes.setPlotGridLinesStroke(new BasicStroke(1f));
            axes.setAxisTicksLineVisible(false);
        }
        return chart;
    }

    /**
     * The lab's typeface at a size.
     *
     * @param style {@link Font#PLAIN} or {@link Font#BOLD}
     * @param size the point size
     * @return the font
     */
    static Font font(int style, int size) {
        return new Font(FONT, style, size);
    }

    /**
     * The colour of the {@code index}-th series, as the palette assigns it.
     *
     * @param index the series' position
     * @return its colour
     */
    static Color color(int index) {
        return PALETTE[index % PALETTE.length];
    }

    /**
     * The translucent version of a series' colour, for the band around it.
     *
     * @param index the series' position
     * @return its colour with low opacity
     */
    static Color band(int index) {
        Color c = color(index);
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), BAND_ALPHA);
    }
}
