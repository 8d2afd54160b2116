package org.lotterylab.display;

import java.util.function.Function;

/**
 * Where {@link RendererProvider}s register how to render their types, one MIME type at a time.
 *
 * <p>An object is shown with every MIME type registered for its class (or, failing that, for its
 * nearest supertype that has any): the notebook picks the richest one it can show. When a cell asks
 * for some MIME types only ({@code display(obj, "text/html")}), only those are rendered. Plain text
 * is always there: the object's {@code toString()} unless a {@code "text/plain"} function is
 * registered.
 */
public interface RendererRegistry {

    /**
     * Registers how objects of {@code type} render as {@code mimeType}.
     *
     * @param type the class whose objects (and whose subclasses' objects) this renders
     * @param mimeType e.g. {@code "text/html"}
     * @param render the object's representation as that MIME type; binary formats base64-encoded,
     *        as Jupyter carries them
     * @param <T> the rendered type
     */
    <T> void register(Class<T> type, String mimeType, Function<? super T, String> render);
}
