/**
 * Profiling: what each column of a training table holds ({@link io.shadowfeed.trainer.profile.Profiler}, with kinds
 * declared in a metadata file winning), the resulting {@link io.shadowfeed.trainer.profile.TableProfile} that types
 * raw tables and goes into the artifact's manifest, and how typed values render back as source text. A profile keeps
 * counts only for identifier and free-text columns, and errors name columns and rows, never values.
 */
package io.shadowfeed.trainer.profile;
