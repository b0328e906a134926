package dev.nudge.sandbox;

import dev.nudge.NudgeException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The sample sequence and templates as shipped inside Nudge, so the demo runs
 * the same story wherever it is started.
 */
public final class SampleFiles {

    private static final String ANCHOR = "/sample/sequences/follow-up.yaml";

    private SampleFiles() {
    }

    /** Copies the samples to {@code target}/templates and {@code target}/sequences. */
    public static void extract(Path target) {
        URL anchor = SampleFiles.class.getResource(ANCHOR);
        if (anchor == null) {
            throw new NudgeException("The sample sequence is missing from this build (" + ANCHOR + ")");
        }
        try {
            URI uri = anchor.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    copyTree(jar.getPath("/sample"), target);
                }
            } else {
                copyTree(Path.of(uri).getParent().getParent(), target);
            }
        } catch (IOException | URISyntaxException e) {
            throw new NudgeException("Cannot unpack the sample files: " + e.getMessage(), e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(from)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path file : files) {
            Path dest = to.resolve(from.relativize(file).toString());
            Files.createDirectories(dest.getParent());
            Files.copy(file, dest);
        }
    }
}
