/**
 * An MQTT broker inside the process, for {@code mqtt.url: embedded} and {@code sse-connector demo}:
 * {@link io.sseconnector.broker.EmbeddedBroker#start} with {@link io.sseconnector.broker.BrokerSettings}.
 * HiveMQ Community Edition (MQTT 3.1.1 and 5) does the work; nothing outside {@code internal} names it.
 */
package io.sseconnector.broker;
