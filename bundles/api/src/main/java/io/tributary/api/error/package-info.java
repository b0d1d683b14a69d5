/**
 * Typed refusals shared by every service: {@link io.tributary.api.error.ServiceException} carries a
 * {@link io.tributary.api.error.ServiceException.Reason} and Dify's error code, never a transport status;
 * the HTTP bundle maps reasons to statuses once.
 */
@Export
@Version("1.0.0")
package io.tributary.api.error;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
