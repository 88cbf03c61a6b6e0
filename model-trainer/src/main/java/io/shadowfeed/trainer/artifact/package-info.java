/**
 * The versioned store of trained table models.
 *
 * <p>Layout: {@code <root>/<table>/v<N>/} holds one immutable version, its files and a {@code manifest.json}
 * ({@link io.shadowfeed.trainer.artifact.Manifest}, snake_case JSON with a {@code format_version}) that records how
 * the model was trained, whether it passed the quality gate, and each file's size and SHA-256. Publishing writes a
 * {@code .tmp-*} directory and renames it atomically; readers ignore such directories.
 *
 * <p>The store knows nothing of the model: the trainer hands it named files ({@link
 * io.shadowfeed.trainer.artifact.ArtifactFile}) and a {@link io.shadowfeed.trainer.artifact.ManifestDraft} whose
 * open-ended sections are JSON. Nothing written here may hold secrets or training records; the store enforces safe
 * names only, the content is the caller's responsibility.
 */
package io.shadowfeed.trainer.artifact;
