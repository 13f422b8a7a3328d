package org.asimov.capture.pip;

import static java.util.Objects.requireNonNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What pip freeze prints for an editable install ({@code _get_editable_info} in
 * {@code operations/freeze.py} with {@code vcs/git.py}): {@code -e git+URL@REV#egg=NAME} when the
 * project is a git checkout with a usable remote, else {@code -e /path} after comment lines that
 * say why.
 *
 * @param requirement what follows {@code -e }
 * @param comments    the comment lines pip prints before it
 */
public record EditableRequirement(String requirement, List<String> comments) {
    private static final Pattern URL_WITH_SCHEME = Pattern.compile("^\\w+://", Pattern.UNICODE_CHARACTER_CLASS);
    /** pip's SCP_REGEX: {@code [user@]host:path} with a path starting with a word character. */
    private static final Pattern SCP = Pattern.compile("^(\\w+@)?([^/:]+):(\\w[^:]*)$", Pattern.UNICODE_CHARACTER_CLASS);

    public EditableRequirement {
        requireNonNull(requirement, "requirement is null");
        comments = List.copyOf(comments);
    }

    /** The lines pip prints, without line ends. */
    public List<String> lines() {
        List<String> lines = new java.util.ArrayList<>(comments);
        lines.add("-e " + requirement);
        return lines;
    }

    /**
     * @param projectLocation the editable project's location, already {@code abspath}-normalised
     * @param dist            the distribution, for the name and version pip shows in comments
     */
    public static EditableRequirement of(Path projectLocation, InstalledDistribution dist) {
        String location = projectLocation.toString();
        if (!isGitRepository(projectLocation)) {
            return new EditableRequirement(location,
                    List.of("# Editable install with no version control (" + dist.nameVersion() + ")"));
        }
        GitCommand.Result remotes = GitCommand.run(projectLocation, "config", "--get-regexp", "remote\\..*\\.url");
        if (remotes.gitMissing()) {
            return new EditableRequirement(location, List.of());
        }
        if (remotes.exitCode() != 0 && remotes.exitCode() != 1) {
            return couldNotDetermine(location);
        }
        List<String> lines = remotes.stdout().lines().toList();
        if (lines.isEmpty()) {
            return new EditableRequirement(location,
                    List.of("# Editable Git install with no remote (" + dist.nameVersion() + ")"));
        }
        String found = lines.get(0);
        for (String line : lines) {
            if (line.startsWith("remote.origin.url ")) {
                found = line;
                break;
            }
        }
        String[] words = found.split(" ", -1);
        String url = (words.length > 1 ? words[1] : "").strip();
        String pipUrl = toPipUrl(url);
        if (pipUrl == null) {
            return new EditableRequirement(location, List.of(
                    "# Editable Git install (" + dist.nameVersion() + ") with either a deleted local remote or invalid URI:",
                    "# '" + url + "'"));
        }
        GitCommand.Result head = GitCommand.run(projectLocation, "rev-parse", "HEAD");
        GitCommand.Result gitDir = GitCommand.run(projectLocation, "rev-parse", "--git-dir");
        if (!head.ok() || !gitDir.ok()) {
            return couldNotDetermine(location);
        }
        StringBuilder requirement = new StringBuilder("git+").append(pipUrl)
                .append('@').append(head.stdout().strip())
                .append("#egg=").append(dist.rawName().replace('-', '_'));
        String subdirectory = subdirectory(projectLocation, gitDir.stdout().strip());
        if (subdirectory != null) {
            requirement.append("&subdirectory=").append(subdirectory);
        }
        return new EditableRequirement(requirement.toString(), List.of());
    }

    private static EditableRequirement couldNotDetermine(String location) {
        return new EditableRequirement(location, List.of("## !! Could not determine repository location"));
    }

    /** pip's {@code get_backend_for_dir} for git: a {@code .git} here, or {@code git rev-parse --show-toplevel} works. */
    private static boolean isGitRepository(Path location) {
        if (Files.exists(location.resolve(".git"))) {
            return true;
        }
        return GitCommand.run(location, "rev-parse", "--show-toplevel").ok();
    }

    /** pip's {@code _git_remote_to_pip_url}; {@code null} for a remote pip calls not valid. */
    static String toPipUrl(String url) {
        if (URL_WITH_SCHEME.matcher(url).find()) {
            return url;
        }
        // pip tests the path relative to its own working directory; asimov's is the same place
        if (!url.isEmpty() && url.startsWith("/") && Files.exists(Path.of(url))) {
            return FileUrls.asUri(url);
        }
        Matcher scp = SCP.matcher(url);
        if (scp.matches()) {
            return "ssh://" + (scp.group(1) == null ? "" : scp.group(1)) + scp.group(2) + "/" + scp.group(3);
        }
        return null;
    }

    /** pip's {@code find_path_to_project_root_from_repo_root}: the project's path below the repository root. */
    private static String subdirectory(Path location, String gitDir) {
        Path git = Path.of(gitDir);
        if (!git.isAbsolute()) {
            git = location.resolve(git);
        }
        Path repoRoot = git.resolve("..").toAbsolutePath().normalize();
        Path project = location;
        while (!isInstallableDir(project)) {
            project = project.getParent();
            if (project == null) {
                return null;
            }
        }
        try {
            if (Files.isSameFile(repoRoot, project)) {
                return null;
            }
        } catch (java.io.IOException e) {
            return null;
        }
        return repoRoot.relativize(project).toString();
    }

    private static boolean isInstallableDir(Path dir) {
        return Files.isDirectory(dir)
                && (Files.isRegularFile(dir.resolve("pyproject.toml")) || Files.isRegularFile(dir.resolve("setup.py")));
    }
}
