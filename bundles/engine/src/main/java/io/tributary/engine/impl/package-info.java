/**
 * The engine's implementation (private). {@link io.tributary.engine.impl.WorkflowEngineImpl} is the DS
 * component; per-run objects live in the sub-packages, split by responsibility as in graphon's
 * {@code graph_engine}: {@code orchestration} (run, scope state machine, serial loop, planner),
 * {@code domain}, {@code traversal}, {@code workers}, {@code errors}, {@code events}, {@code variables},
 * {@code streaming}, {@code limits}. See the bundle README for the processing model.
 */
package io.tributary.engine.impl;
