package org.lotterylab;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How large an experiment runs: every notebook scales its data, epochs and rounds by the profile
 * chosen with the environment variable {@code LAB_PROFILE}.
 *
 * <pre>{@code
 * int epochs = Lab.profile().pick(1, 10, 50);
 * }</pre>
 */
public enum Profile {
    /** Continuous integration: real code paths on tiny data, each notebook well under two minutes. */
    SMOKE,
    /** The default: a laptop CPU, minutes per notebook, results that show the paper's effect. */
    QUICK,
    /** Paper scale, meant for a GPU. */
    FULL;

    /**
     * Chooses the value that belongs to this profile.
     *
     * @param smoke the value for {@link #SMOKE}
     * @param quick the value for {@link #QUICK}
     * @param full the value for {@link #FULL}
     * @param <T> the value's type
     * @return one of the three arguments
     */
    public <T> T pick(T smoke, T quick, T full) {
        return switch (this) {
            case SMOKE -> smoke;
            case QUICK -> quick;
            case FULL -> full;
        };
    }

    /**
     * Parses a profile name, ignoring case and surrounding blanks.
     *
     * @param name e.g. {@code "quick"}
     * @return the profile
     * @throws IllegalArgumentException naming the allowed values when {@code name} is none of them
     */
    public static Profile parse(String name) {
        String wanted = name.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(p -> p.name().equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "Unknown profile '" + name + "': LAB_PROFILE must be one of " + allowed()));
    }

    private static String allowed() {
        return Arrays.stream(values())
                .map(p -> p.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
