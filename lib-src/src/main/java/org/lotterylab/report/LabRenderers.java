package org.lotterylab.report;

import ai.djl.ndarray.NDArray;
import io.github.spencerpark.jupyter.kernel.display.RenderContext;
import io.github.spencerpark.jupyter.kernel.display.Renderer;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import org.knowm.xchart.internal.chartpart.Chart;
import org.lotterylab.kernel.RendererProvider;
import tech.tablesaw.api.Table;

import java.util.Base64;

/**
 * Teaches the notebook kernel to show the library's results: a Tablesaw table as an HTML table, a
 * scorecard as its table, an XChart chart as a PNG image, a DJL array as a short text preview.
 * The kernel finds this class through {@code META-INF/services/org.lotterylab.kernel.RendererProvider}.
 */
public final class LabRenderers implements RendererProvider {

    /** Rows a plain-text table shows; the HTML form has its own limit. */
    private static final int TEXT_ROWS = 20;

    @Override
    public void registerWith(Renderer renderer) {
        renderer.createRegistration(Table.class)
                .preferring(MIMEType.TEXT_HTML, MIMEType.TEXT_PLAIN)
                .register(LabRenderers::renderTable);
        renderer.createRegistration(Scorecard.class)
                .preferring(MIMEType.TEXT_HTML, MIMEType.TEXT_PLAIN)
                .register((card, context) -> renderTable(card.table(), context));
        renderer.createRegistration(Chart.class)
                .preferring(MIMEType.IMAGE_PNG, MIMEType.TEXT_PLAIN)
                .register(LabRenderers::renderChart);
        renderer.createRegistration(NDArray.class)
                .preferring(MIMEType.TEXT_PLAIN)
                .register((array, context) -> context.renderIfRequested(MIMEType.TEXT_PLAIN, () -> ArrayPreview.of(array)));
    }

    private static void renderTable(Table table, RenderContext context) {
        context.renderIfRequested(MIMEType.TEXT_HTML, () -> HtmlTable.of(table));
        context.renderIfRequested(MIMEType.TEXT_PLAIN, () -> table.print(TEXT_ROWS));
    }

    private static void renderChart(Chart<?, ?> chart, RenderContext context) {
        // Jupyter carries binary images as base64 text.
        context.renderIfRequested(MIMEType.IMAGE_PNG, () -> Base64.getEncoder().encodeToString(Charts.png(chart)));
        context.renderIfRequested(MIMEType.TEXT_PLAIN, () -> "chart: " + chart.getTitle());
    }
}
