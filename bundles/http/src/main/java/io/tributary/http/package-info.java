/**
 * The HTTP surface: Javalin 7 on Jetty 12, embedded privately. Thin: routes translate HTTP to calls on API
 * services and back, decide nothing, and map every failure to the error envelope
 * {@code {"code","message","status"}}.
 */
package io.tributary.http;
