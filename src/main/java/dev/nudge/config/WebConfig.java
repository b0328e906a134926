package dev.nudge.config;

public record WebConfig(String bind, int port) {
}
