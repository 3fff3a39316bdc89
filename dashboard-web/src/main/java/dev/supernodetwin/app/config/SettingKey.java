package dev.supernodetwin.app.config;

import java.util.Optional;

/**
 * One configuration key of the service: its name in config files, its environment variable, its
 * default and a one-line description. Flags override the environment, which overrides the file.
 *
 * @param name         key in a config file, e.g. {@code kafka.bootstrap}
 * @param flag         command-line flag, e.g. {@code --bootstrap}
 * @param env          environment variable, e.g. {@code TWIN_KAFKA_BOOTSTRAP}
 * @param defaultValue used when no source sets the key; empty when the key is required or optional
 * @param doc          one line for help and error messages
 */
public record SettingKey(String name, String flag, String env, Optional<String> defaultValue, String doc) {

    /** A key with a default. */
    public static SettingKey of(String name, String flag, String env, String defaultValue, String doc) {
        return new SettingKey(name, flag, env, Optional.of(defaultValue), doc);
    }

    /** A key without a default (required or optional, as its reader decides). */
    public static SettingKey without(String name, String flag, String env, String doc) {
        return new SettingKey(name, flag, env, Optional.empty(), doc);
    }
}
