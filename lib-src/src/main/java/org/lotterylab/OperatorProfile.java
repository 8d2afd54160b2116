package org.lotterylab;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a piece of work spends its time inside PyTorch, operator by operator, and how much of its
 * wall time is spent outside any operator (Java, JNI and DJL's bookkeeping): the breakdown behind
 * {@code environment/lab bench}.
 *
 * <pre>{@code
 * OperatorProfile profile = OperatorProfile.of(() -> net.forward(batch, false));
 * profile.top(10);   // {aten::addmm=812.4, aten::softmax=95.1, ...} microseconds
 * }</pre>
 *
 * <p>It runs the work under PyTorch's own profiler (through DJL), reads the trace it writes, and
 * counts each thread's outermost operators only, so an operator's time includes what it calls
 * (an {@code addmm} its BLAS kernel, a backward node its gradient kernels) and nothing is counted
 * twice. The profiler itself adds a few microseconds per operator, so profile apart from timing.
 * PyTorch engine only.
 *
 * @param wallSeconds the work's duration under the profiler
 * @param microsByOperator each outermost operator's total microseconds, largest first
 * @param calls the number of outermost operator calls
 */
public record OperatorProfile(double wallSeconds, Map<String, Double> microsByOperator, long calls) {

    /**
     * @param work what to profile, run once on this thread
     * @return its operators' times
     * @throws IllegalStateException when the engine is not PyTorch
     */
    public static OperatorProfile of(Runnable work) {
        if (!"PyTorch".equals(Engine.getInstance().getEngineName())) {
            throw new IllegalStateException("operator profiles need the PyTorch engine, not " + Engine.getInstance().getEngineName());
        }
        Path trace;
        try {
            trace = Files.createTempFile("lab-profile", ".json");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a file for PyTorch's profiler trace", e);
        }
        try {
            JniUtils.startProfile(false, false, false);
            long start = System.nanoTime();
            double wall;
            try {
                work.run();
            } finally {
                wall = (System.nanoTime() - start) / 1e9;
                JniUtils.stopProfile(trace.toString());
            }
            return read(trace, wall);
        } finally {
            try {
                Files.deleteIfExists(trace);
            } catch (IOException e) {
                // A temporary file left behind costs nothing worth failing the profile for.
            }
        }
    }

    /** One completed operator of the trace. */
    private record Span(String name, long thread, double start, double micros) {}

    private static OperatorProfile read(Path trace, double wallSeconds) {
        List<Span> spans = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(trace)) {
            for (JsonElement element : JsonParser.parseReader(reader).getAsJsonArray()) {
                JsonObject event = element.getAsJsonObject();
                if (event.has("dur") && "X".equals(event.get("ph").getAsString())) {
                    spans.add(new Span(event.get("name").getAsString(), event.get("tid").getAsLong(),
                            event.get("ts").getAsDouble(), event.get("dur").getAsDouble()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read PyTorch's profiler trace " + trace, e);
        }
        // Outermost first at equal starts, so that a nested operator starting with its parent is skipped.
        spans.sort(Comparator.comparingLong(Span::thread).thenComparingDouble(Span::start)
                .thenComparing(Comparator.comparingDouble(Span::micros).reversed()));
        Map<String, Double> totals = new HashMap<>();
        long calls = 0;
        long thread = Long.MIN_VALUE;
        double end = Double.NEGATIVE_INFINITY;
        for (Span span : spans) {
            if (span.thread() != thread) {
                thread = span.thread();
                end = Double.NEGATIVE_INFINITY;
            }
            if (span.start() >= end) {
                totals.merge(span.name(), span.micros(), Double::sum);
                calls++;
                end = span.start() + span.micros();
            }
        }
        Map<String, Double> sorted = new LinkedHashMap<>();
        totals.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return new OperatorProfile(wallSeconds, sorted, calls);
    }

    /** @return the seconds spent inside operators */
    public double operatorSeconds() {
        return microsByOperator.values().stream().mapToDouble(Double::doubleValue).sum() / 1e6;
    }

    /** @return the seconds spent outside any operator: Java, JNI and DJL's bookkeeping */
    public double outsideSeconds() {
        return Math.max(0, wallSeconds - operatorSeconds());
    }

    /**
     * @param n how many operators
     * @return the {@code n} most expensive operators with their microseconds
     */
    public Map<String, Double> top(int n) {
        Map<String, Double> top = new LinkedHashMap<>();
        microsByOperator.entrySet().stream().limit(n).forEach(e -> top.put(e.getKey(), e.getValue()));
        return top;
    }
}
