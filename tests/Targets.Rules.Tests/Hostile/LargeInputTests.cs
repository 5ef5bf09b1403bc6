using System.Text;
using Targets.Core.Errors;
using Targets.Rules.Serialization;

namespace Targets.Rules.Tests.Hostile;

/// <summary>
/// Inputs above the size limit (<see cref="JsonInput.MaxBytes"/>, 32 MB) are refused with an error naming the file and the
/// limit, without being read into memory. The large files are made here, at run time, as sparse files: nothing is checked in.
/// </summary>
public sealed class LargeInputTests : IDisposable
{
    private const long Megabyte = 1024 * 1024;
    private readonly string _folder = Directory.CreateTempSubdirectory("targets-hostile-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void ReadDataset_100MegabyteFile_IsRefusedNamingFileAndLimitWithoutReadingIt()
    {
        var path = Sparse("figures-100mb.json", 100 * Megabyte, "{ \"locality\": \"test\", \"figures\": [");

        var before = GC.GetAllocatedBytesForCurrentThread();
        var error = Should.Throw<DataException>(() => DatasetReader.ReadFile(path));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        error.Message.ShouldStartWith(path);
        error.Message.ShouldContain("the file is 100.0 MB (104,857,600 bytes)");
        error.Message.ShouldContain("inputs are limited to 32 MB (33,554,432 bytes)");
        allocated.ShouldBeLessThan(Megabyte, "the file was read into memory");
    }

    [Fact]
    public void ReadRuleSet_100MegabyteFile_IsRefusedNamingFileAndLimitWithoutReadingIt()
    {
        var path = Sparse("huge.rules.json", 100 * Megabyte, "{ \"document\": {");

        var before = GC.GetAllocatedBytesForCurrentThread();
        var error = Should.Throw<RuleSetException>(() => RuleSetReader.ReadFile(path));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        error.Message.ShouldStartWith(path);
        error.Message.ShouldContain("100.0 MB");
        error.Message.ShouldContain("limited to 32 MB");
        allocated.ShouldBeLessThan(Megabyte, "the file was read into memory");
    }

    [Fact]
    public void ReadDataset_OneByteOverTheLimit_SaysByHowMuch()
    {
        // The message used to round both sizes down: "the file is 32 MB; inputs are limited to 32 MB".
        var path = Sparse("just-over.json", JsonInput.MaxBytes + 1, "{");

        var error = Should.Throw<DataException>(() => DatasetReader.ReadFile(path));

        error.Message.ShouldContain("the file is 32.0 MB (33,554,433 bytes); inputs are limited to 32 MB (33,554,432 bytes)");
    }

    [Fact]
    public void ReadDataset_AtTheLimit_IsReadNotRefusedForItsSize()
    {
        // Exactly 32 MB of valid JSON (a dataset padded with spaces) is within the limit.
        var head = "{ \"locality\": \"test\", \"figures\": [ { \"indicator\": \"crime.social-order.cases\", \"period\": \"2023\", \"value\": 1 } ]";
        var path = Path.Combine(_folder, "at-limit.json");
        using (var file = File.Create(path))
        {
            file.Write(Encoding.UTF8.GetBytes(head));
            file.Write(Enumerable.Repeat((byte)' ', (int)(JsonInput.MaxBytes - head.Length - 1)).ToArray());
            file.Write("}"u8);
        }

        var dataset = DatasetReader.ReadFile(path);

        new FileInfo(path).Length.ShouldBe(JsonInput.MaxBytes);
        dataset.Figures.ShouldHaveSingleItem().Value.ShouldBe(1);
    }

    [Fact]
    public void ReadDataset_DeviceWithNoEnd_IsRefusedBeforeReadingAByte()
    {
        // /dev/zero reports a length of 0 and never ends: the reader used to read it until memory ran out, then up to the
        // 32 MB limit. Only regular files are read now: a device is refused as one, before a byte is read.
        if (!File.Exists("/dev/zero"))
        {
            return;
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var error = Should.Throw<DataException>(() => DatasetReader.ReadFile("/dev/zero"));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        error.Message.ShouldBe("/dev/zero: this is a device, not a regular file; only regular files are read");
        allocated.ShouldBeLessThan(Megabyte);
    }

    /// <summary>A file of <paramref name="length"/> bytes that takes no disk: a JSON opening, then a hole of zeros.</summary>
    private string Sparse(string name, long length, string start)
    {
        var path = Path.Combine(_folder, name);
        using var file = File.Create(path);
        file.Write(Encoding.UTF8.GetBytes(start));
        file.SetLength(length);
        return path;
    }
}
