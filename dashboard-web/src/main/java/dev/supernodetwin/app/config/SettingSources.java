package dev.supernodetwin.app.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Where setting values come from, in order of precedence: command-line flags, environment
 * variables, a properties file ({@code --config}), then each key's default. Every value remembers
 * its source, so an error can say where a bad value came from.
 */
public final class SettingSources {
    private final Map<String, String> flags;
    private final Map<String, String> env;
    private final Properties file;
    private final String fileName;

    /** A value and where it came from. */
    public record Value(String text, String source) {
    }

    private SettingSources(Map<String, String> flags, Map<String, String> env, Properties file, String fileName) {
        this.flags = Map.copyOf(flags);
        this.env = Map.copyOf(env);
        this.file = file;
        this.fileName = fileName;
    }

    /**
     * Sources from flags given (key name → value), the process environment and an optional config file.
     *
     * @throws IllegalArgumentException when the config file cannot be read
     */
    public static SettingSources of(Map<String, String> flags, Map<String, String> env, Optional<Path> configFile) {
        Properties props = new Properties();
        String name = "";
        if (configFile.isPresent()) {
            Path path = configFile.get();
            name = path.toString();
            try (Reader r = Files.newBufferedReader(path)) {
                props.load(r);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read config file " + path + ": " + e.getMessage(), e);
            }
        }
        Map<String, String> given = new LinkedHashMap<>();
        flags.forEach((k, v) -> {
            if (v != null) {
                given.put(k, v);
            }
        });
        return new SettingSources(given, env, props, name);
    }

    /** The process environment, for files that take {@code ${VAR}} from it. */
    public Map<String, String> environment() {
        return env;
    }

    /** The value of {@code key} from the first source that sets it, or its default. */
    public Optional<Value> get(SettingKey key) {
        String v = flags.get(key.name());
        if (v != null) {
            return Optional.of(new Value(v, "flag " + key.flag()));
        }
        v = env.get(key.env());
        if (v != null && !v.isBlank()) {
            return Optional.of(new Value(v, "environment " + key.env()));
        }
        v = file.getProperty(key.name());
        if (v != null) {
            return Optional.of(new Value(v.trim(), "config file " + fileName + " key " + key.name()));
        }
        return key.defaultValue().map(d -> new Value(d, "default"));
    }
}
