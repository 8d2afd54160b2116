package org.lotterylab.kernel;

import io.github.spencerpark.jupyter.channels.ShellReplyEnvironment;
import io.github.spencerpark.jupyter.kernel.DisplayStream;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.Renderer;
import io.github.spencerpark.jupyter.messages.publish.PublishClearOutput;
import java.util.function.Supplier;
import org.lotterylab.display.Display;
import org.lotterylab.display.MimeBundle;

/**
 * Sends {@link Display} calls to the notebook as {@code display_data},
 * {@code update_display_data} and {@code clear_output} messages, the display id travelling in
 * {@code transient.display_id}.
 */
final class NotebookDisplaySink implements Display.Sink {

    private final Renderer renderer;
    private final DisplayStream stream;
    private final Supplier<ShellReplyEnvironment> runningCell;

    /**
     * @param renderer renders displayed objects
     * @param stream where display messages go
     * @param runningCell the reply environment of the cell now running, {@code null} between cells:
     *        the base kernel's display stream has no clear_output, so it is published there
     */
    NotebookDisplaySink(Renderer renderer, DisplayStream stream, Supplier<ShellReplyEnvironment> runningCell) {
        this.renderer = renderer;
        this.stream = stream;
        this.runningCell = runningCell;
    }

    @Override
    public void display(String id, Object value, String... mimes) {
        DisplayData data = renderForNotebook(value, mimes);
        data.setDisplayId(id);
        flushStandardStreams();
        stream.display(data);
    }

    @Override
    public void update(String id, Object value, String... mimes) {
        flushStandardStreams();
        stream.updateDisplay(id, renderForNotebook(value, mimes));
    }

    @Override
    public MimeBundle render(Object value, String... mimes) {
        return MimeBundles.of(renderForNotebook(value, mimes));
    }

    private DisplayData renderForNotebook(Object value, String... mimes) {
        return mimes.length == 0 ? renderer.render(value) : renderer.renderAs(value, mimes);
    }

    @Override
    public void clear(boolean wait) {
        ShellReplyEnvironment cell = runningCell.get();
        if (cell != null) { // between cells there is no output to clear
            flushStandardStreams();
            cell.publish(wait ? PublishClearOutput.BEFORE_NEXT_OUTPUT : PublishClearOutput.NOW);
        }
    }

    // Text printed before a display call must reach the notebook before the display does.
    private static void flushStandardStreams() {
        System.out.flush();
        System.err.flush();
    }
}
