/**
 * The YAML configuration of the bridge and the hub (DESIGN §2): immutable records that check
 * themselves ({@link io.sseconnector.connector.config.ConnectorConfig} and its parts), and {@link
 * io.sseconnector.connector.config.ConfigLoader}, which reads a file strictly and reports every
 * problem with its YAML path, line and column. Azure IoT Operations forms ({@code event_notifier},
 * {@code event_groups}, {@code endpoints.inbound}, {@code Qos1}, {@code Keep}) are accepted and
 * normalised in one place ({@code internal.AioForms}); {@code ${env:NAME}} and {@code ${file:PATH}}
 * are resolved at load and kept out of every message and {@code toString} ({@link
 * io.sseconnector.connector.config.Secret}).
 */
package io.sseconnector.connector.config;
