/**
 * The analytics-camera simulator ({@code sse-connector simulate camera}): the seed's leak-detection
 * camera as an SSE server, with ids and resume, one stream per device, and load and fault modes.
 * {@link io.sseconnector.connector.simulator.CameraEventGenerator} is the pure, seedable event
 * sequence; {@link io.sseconnector.connector.simulator.CameraSimulator} serves it over sse-server.
 */
package io.sseconnector.connector.simulator;
