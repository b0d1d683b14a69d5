/**
 * The app bundle's {@link io.tributary.api.app.AppService}: workflow apps behind Dify's workflow service API and
 * the admin app routes. Private; only the API service is registered.
 */
package io.tributary.app;
