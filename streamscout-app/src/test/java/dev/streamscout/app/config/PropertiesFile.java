package dev.streamscout.app.config;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/** Writes settings as the properties file a user would pass with {@code --config}. */
public final class PropertiesFile {

    private PropertiesFile() {}

    /** Writes {@code settings} under their property names to {@code file}; returns the file. */
    public static Path write(Path file, Map<ConfigKey, String> settings) throws IOException {
        Properties p = new Properties();
        settings.forEach((key, value) -> p.put(key.key(), value));
        try (Writer w = Files.newBufferedWriter(file)) {
            p.store(w, "written by " + PropertiesFile.class.getSimpleName());
        }
        return file;
    }
}
