/**
 * {@code conda list --export} without conda: {@link org.asimov.capture.conda.CondaExporter} and
 * its implementation {@link org.asimov.capture.conda.CondaMetaExporter}.
 *
 * <p>The rules are conda's own, read from its source (github:conda/conda at 0f64223, conda 26.7+):
 * {@code cli/main_list.py} (header, order, {@code name=version=build}, {@code rstrip} of lines),
 * {@code core/prefix_data.py} ({@code load}, {@code _load_single_record},
 * {@code get_conda_anchor_files_and_records}), {@code models/prefix_graph.py} (which records
 * count as owning), and the pypi prefix-data loader
 * ({@code plugins/prefix_data_loaders/pypi}: anchors, clobbered records, {@code read_python_record},
 * {@code norm_package_name}, egg-links as {@code dev_0}). {@code CondaCrossCheckTest} compares
 * every test prefix with a real conda run from that source.
 *
 * <p>Where we differ from conda, on purpose:
 * <ul>
 *   <li>{@code # created-by:} names asimov.</li>
 *   <li>{@code # platform:} is the platform subdir of the prefix's records; conda prints the
 *       platform it runs on (or its {@code subdir} setting). They agree unless the prefix was
 *       made for another platform than the machine that lists it.</li>
 *   <li>Nothing is written: conda deletes the conda-meta file of a "clobbered" record (one whose
 *       Python distribution is gone from site-packages); we leave it out of the listing, as conda
 *       does, and warn.</li>
 *   <li>Where conda stops with an error (corrupt JSON record, undecodable metadata, a record
 *       without an integer {@code build_number}, an egg-link to several egg-infos, an unparsable
 *       RECORD), we list everything else and warn about the item instead.</li>
 *   <li>Where conda's result depends on directory or hash-set order (two records or two
 *       distributions with the same name), we choose by file name order and warn.</li>
 *   <li>A dependency edge is drawn from a {@code depends} spec's name and its {@code >= <= > < == !=}
 *       constraints (conda's VersionOrder); other constraint forms and build strings are taken as
 *       matching. Identical for any environment conda solved and for the usual forced
 *       inconsistency; conda could differ only where a forced package's unmet constraint is of
 *       another form (e.g. {@code 3.12.*}).</li>
 * </ul>
 * conda 24.9 to 25.3 printed lines without {@code rstrip} and knew neither CEP 17's
 * {@code python_site_packages_path} nor symlinked site-packages; for all other prefixes their
 * output is the same.
 */
package org.asimov.capture.conda;
