package dev.nudge.config;

/**
 * The {@code web:} section.
 *
 * @param bind {@code bind}, env {@code NUDGE_WEB_BIND}: the address to listen on; default
 *             {@code 127.0.0.1}, because the UI has no login of its own
 * @param port {@code port}, env {@code NUDGE_WEB_PORT}: default 8080; 0 takes any free port
 */
public record WebConfig(String bind, int port) {
}
