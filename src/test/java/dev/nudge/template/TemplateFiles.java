package dev.nudge.template;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

// Writes template files into a test's temporary templates directory.
final class TemplateFiles {

    private TemplateFiles() {
    }

    static Path write(Path root, String file, String content) {
        try {
            Path path = root.resolve(file);
            Files.createDirectories(path.getParent());
            return Files.writeString(path, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
