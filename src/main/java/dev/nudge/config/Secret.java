package dev.nudge.config;

/** A value read from the environment that must never be printed. */
public record Secret(String envName, String value) {

    @Override
    public String toString() {
        return "Secret[" + envName + "=****]";
    }
}
