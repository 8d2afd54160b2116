package org.lotterylab.report;

import ai.djl.ndarray.NDArray;
import org.knowm.xchart.internal.chartpart.Chart;
import org.lotterylab.display.MimeBundle;
import org.lotterylab.display.RendererProvider;
import org.lotterylab.display.RendererRegistry;
import tech.tablesaw.api.Table;

import java.util.Base64;

/**
 * Teaches the notebook kernel to show the library's results: a Tablesaw table as an HTML table with
 * its measured numbers rounded for reading ({@link ReadableTable}), a scorecard as its table, an XChart chart as a PNG image, a DJL array as a short text preview.
 * The kernel finds this class through {@code META-INF/services/org.lotterylab.display.RendererProvider}.
 */
public final class LabRenderers implements RendererProvider {

    private static final String HTML = "text/html";
    private static final String TEXT = MimeBundle.TEXT_PLAIN;
    private static final String PNG = "image/png";
    /** Rows a plain-text table shows; the HTML form has its own limit. */
    private static final int TEXT_ROWS = 20;

    @Override
    public void registerWith(RendererRegistry registry) {
        registry.register(Table.class, HTML, table -> HtmlTable.of(ReadableTable.of(table)));
        registry.register(Table.class, TEXT, table -> ReadableTable.of(table).print(TEXT_ROWS));
        registry.register(Scorecard.class, HTML, card -> HtmlTable.of(card.table()));
        registry.register(Scorecard.class, TEXT, card -> card.table().print(TEXT_ROWS));
        // Jupyter carries binary images as base64 text.
        registry.register(Chart.class, PNG, chart -> Base64.getEncoder().encodeToString(Charts.png(chart)));
        registry.register(Chart.class, TEXT, chart -> "chart: " + chart.getTitle());
        registry.register(NDArray.class, TEXT, ArrayPreview::of);
    }
}
