/**
 * Workflow apps, as Dify's service API and our admin API use them: the {@link io.tributary.api.app.AppService}
 * imports an app DSL as a draft, publishes immutable versions, issues app keys, runs a published version with
 * inputs, files and an end user, stops runs and reads their records, logs and parameters. The HTTP bundle only
 * translates: it parses a request, makes one call here and renders the answer.
 *
 * <p>The start node's input form has one rule, {@link io.tributary.api.app.StartForm}, used by this service
 * before a run starts and by the {@code start} node when it runs.
 *
 * <p><b>Failures.</b> Every refusal is a {@link io.tributary.api.error.ServiceException} with Dify's code
 * ({@code invalid_param}, {@code app_unavailable}, {@code bad_request}, {@code not_found}, {@code invalid_dsl})
 * and reason; the transport maps the reason to its status.
 */
@Export
@Version("1.0.0")
package io.tributary.api.app;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
