/** Cross-cutting HTTP plumbing: the error envelope, admin authentication, JSON bodies, service slots. */
package io.tributary.http.support;
