/**
 * Running an app: which published version ({@code PublishedVersions}, parsed once per version) and how a request
 * becomes an engine run ({@code AppRuns}: files, start form, sys variables, environment, the run's origin). Runs
 * are recorded by the store's engine layer, never here.
 */
package io.tributary.app.run;
