package org.lotterylab.data;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The font faces installed on the machine (TrueType and OpenType files under a fonts directory),
 * from which {@link Characters} renders its images. A face is one file, so DejaVu Sans and DejaVu
 * Sans Bold are two faces. Faces that cannot draw every wanted character are left out.
 */
public final class Fonts {

    /** Where Debian installs fonts. */
    public static final Path SYSTEM_FONTS = Path.of("/usr/share/fonts");

    /** The fewest faces a character data set may be drawn from: fewer make it too easy to memorise. */
    public static final int MINIMUM = 24;

    /** The Debian packages that bring enough faces. */
    public static final String PACKAGES = "fonts-dejavu-core fonts-liberation fonts-freefont-ttf fonts-urw-base35 "
            + "fonts-croscore fonts-crosextra-carlito fonts-crosextra-caladea fonts-noto-mono";

    /** Icon and symbol fonts map letters to pictures, so they cannot serve as letters. */
    private static final Pattern SYMBOLIC = Pattern.compile("(?i).*(symbol|dingbat|awesome|glyphicon|d050000l).*");

    private static final Map<Path, List<Font>> LOADED = new ConcurrentHashMap<>();

    private Fonts() {
    }

    /**
     * The faces under a directory that can draw every character of {@code alphabet}, in a fixed order.
     *
     * @param directory searched recursively, e.g. {@link #SYSTEM_FONTS}
     * @param alphabet the characters to be drawn
     * @return at least {@link #MINIMUM} faces
     * @throws IllegalStateException naming the apt packages to install when there are fewer
     */
    public static List<Font> forAlphabet(Path directory, String alphabet) {
        List<Font> usable = loadAll(directory).stream()
                .filter(font -> font.canDisplayUpTo(alphabet) == -1)
                .toList();
        if (usable.size() < MINIMUM) {
            throw new IllegalStateException("Found " + usable.size() + " font faces under " + directory
                    + " that can draw '" + alphabet + "', need at least " + MINIMUM
                    + ". Install more with: sudo apt-get install " + PACKAGES);
        }
        return usable;
    }

    private static List<Font> loadAll(Path directory) {
        // Parsing a hundred font files takes a moment, so each directory is read once per JVM.
        return LOADED.computeIfAbsent(directory.toAbsolutePath(), Fonts::scan);
    }

    private static List<Font> scan(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Fonts::isOutlineFont)
                    .sorted()
                    .map(Fonts::load)
                    .flatMap(Optional::stream)
                    .filter(font -> !SYMBOLIC.matcher(font.getFontName(Locale.ROOT)).matches())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list fonts under " + directory, e);
        }
    }

    private static boolean isOutlineFont(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(file) && (name.endsWith(".ttf") || name.endsWith(".otf"));
    }

    private static Optional<Font> load(Path file) {
        try {
            return Optional.of(Font.createFont(Font.TRUETYPE_FONT, file.toFile()));
        } catch (FontFormatException | IOException e) {
            // A font Java cannot parse is simply not one of the faces.
            return Optional.empty();
        }
    }
}
