package org.asimov.store.blob;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import org.asimov.store.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The blob side of gc's hand-over with concurrent puts. */
class BlobStoreTest {
    @TempDir
    Path dir;

    private BlobFile stored(BlobStore blobs, String content, Duration age) throws Exception {
        Blob blob = blobs.put(Files.writeString(dir.resolve("src-" + content.hashCode()), content), ProgressListener.NONE);
        Path path = blobs.pathOf(blob.sha256());
        Files.setLastModifiedTime(path, FileTime.from(Instant.now().minus(age)));
        return blobs.listObjects().stream().filter(f -> f.name().equals(blob.sha256())).findFirst().orElseThrow();
    }

    @Test
    void aQuarantinedBlobCanBePutBack() throws Exception {
        BlobStore blobs = new BlobStore(dir.resolve("store"));
        BlobFile old = stored(blobs, "old", Duration.ofHours(2));

        BlobStore.Held aside = blobs.quarantine(old, Instant.now().minus(Duration.ofHours(1)));
        Path held = aside.path();

        assertThat(held).isNotNull().exists();
        assertThat(held.getParent()).isEqualTo(dir.resolve("store/tmp"));
        assertThat(old.path()).doesNotExist();
        assertThat(Files.getLastModifiedTime(held).toInstant()).as("renewed against other gcs")
                .isAfter(Instant.now().minus(Duration.ofMinutes(1)));
        BlobFile heldFile = blobs.listTemporary().get(0);
        assertThat(blobs.deleteTemporaryIfStale(heldFile, Instant.now().plusSeconds(60)))
                .as("another gc leaves a held blob alone").isFalse();
        aside.restore();
        assertThat(old.path()).hasContent("old");
        assertThat(held).doesNotExist();
    }

    @Test
    void restoringWhereAPutHasWrittenTheContentAgainKeepsThePutsCopy() throws Exception {
        BlobStore blobs = new BlobStore(dir.resolve("store"));
        BlobFile old = stored(blobs, "same", Duration.ofHours(2));
        BlobStore.Held aside = blobs.quarantine(old, Instant.now().minus(Duration.ofHours(1)));
        Path held = aside.path();
        blobs.put(Files.writeString(dir.resolve("again"), "same"), ProgressListener.NONE);
        Object putsCopy = Files.readAttributes(old.path(), java.nio.file.attribute.BasicFileAttributes.class).fileKey();

        aside.restore();

        assertThat(Files.readAttributes(old.path(), java.nio.file.attribute.BasicFileAttributes.class).fileKey())
                .as("the put's fresh copy stays, not the old one").isEqualTo(putsCopy);
        assertThat(old.path()).hasContent("same");
        assertThat(held).doesNotExist();
    }

    @Test
    void youngBlobsAreNotQuarantined() throws Exception {
        BlobStore blobs = new BlobStore(dir.resolve("store"));
        BlobFile young = stored(blobs, "young", Duration.ofMinutes(5));
        assertThat(blobs.quarantine(young, Instant.now().minus(Duration.ofHours(1)))).isNull();
        assertThat(young.path()).exists();
    }

    @Test
    void aPutOfExistingContentReplacesADamagedCopyAndRenewsIt() throws Exception {
        BlobStore blobs = new BlobStore(dir.resolve("store"));
        BlobFile old = stored(blobs, "content", Duration.ofDays(3));
        old.path().toFile().setWritable(true);
        Files.writeString(old.path(), "damaged");

        blobs.put(Files.writeString(dir.resolve("again"), "content"), ProgressListener.NONE);

        assertThat(old.path()).hasContent("content");
        assertThat(Files.getLastModifiedTime(old.path()).toInstant()).isAfter(Instant.now().minus(Duration.ofMinutes(1)));
    }
}
