package org.lotterylab.kernel;

import io.github.spencerpark.jupyter.kernel.DisplayStream;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.Renderer;

/**
 * Sends {@link Display} calls to the notebook as {@code display_data} and
 * {@code update_display_data} messages, the display id travelling in {@code transient.display_id}.
 */
final class NotebookDisplaySink implements Display.Sink {

    private final Renderer renderer;
    private final DisplayStream stream;

    NotebookDisplaySink(Renderer renderer, DisplayStream stream) {
        this.renderer = renderer;
        this.stream = stream;
    }

    @Override
    public void display(String id, Object value, String... mimes) {
        DisplayData data = render(value, mimes);
        data.setDisplayId(id);
        flushStandardStreams();
        stream.display(data);
    }

    @Override
    public void update(String id, Object value, String... mimes) {
        flushStandardStreams();
        stream.updateDisplay(id, render(value, mimes));
    }

    @Override
    public DisplayData render(Object value, String... mimes) {
        return mimes.length == 0 ? renderer.render(value) : renderer.renderAs(value, mimes);
    }

    // Text printed before a display call must reach the notebook before the display does.
    private static void flushStandardStreams() {
        System.out.flush();
        System.err.flush();
    }
}
