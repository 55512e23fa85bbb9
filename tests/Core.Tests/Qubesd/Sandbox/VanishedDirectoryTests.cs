namespace QubesPoolConsole.Core.Tests.Qubesd.Sandbox;

/// <summary>
/// A pool whose directory vanished (an unplugged disk). qubesd's drivers do not fail: file reports size and usage 0
/// (<c>FileNotFoundError</c> → 0 in file.py), file-reflink reports none (<c>suppress(FileNotFoundError)</c> in
/// reflink.py), so Info still answers and UsageDetails answers with zeros or nothing.
/// </summary>
public sealed class VanishedDirectoryTests : SandboxTests
{
    // file reports size and usage 0; file-reflink reports neither.
    [Theory]
    [InlineData("file", "", "size=0\nusage=0\n", "data_size=0\ndata_usage=0\n")]
    [InlineData("file-reflink", "setup_check=no\n", "", "")]
    public async Task VanishedPool_InfoAndUsageStillAnswer_OthersUnaffected_ItCanBeRemoved(
        string driver, string extraOptions, string infoSize, string usage)
    {
        var dir = await AddPoolAndUnplugAsync(driver, extraOptions);
        Assert.Equal($"0\\0dir_path={dir}\ndriver={driver}\nephemeral_volatile=False\nname=usb\nrevisions_to_keep=1\n{infoSize}",
            await Q.Call("admin.pool.Info", "usb"));
        Assert.Equal($"0\\0{usage}", await Q.Call("admin.pool.UsageDetails", "usb"));
        Assert.StartsWith("0\\0data_size=", await Q.Call("admin.pool.UsageDetails", "varlibqubes"));
        Assert.Equal("0\\0", await Q.Call("admin.pool.Remove", "usb"));
    }

    [Fact]
    public async Task PathThroughAFile_IsAnUnhandledOsError()
    {
        // statvfs gives ENOTDIR, not ENOENT: NotADirectoryError is not caught by file.py, so qubesd aborts the call.
        var outer = Dir("mnt");
        Directory.CreateDirectory(outer);
        var dir = Path.Combine(outer, "pool");
        Assert.Equal("0\\0", await Q.Call("admin.pool.Add", "file", payload: $"name=deep\ndir_path={dir}\n"));
        Directory.Delete(outer, recursive: true);
        File.WriteAllText(outer, "not a directory");
        Assert.Equal("", await Q.Call("admin.pool.Info", "deep"));
        Assert.Equal("", await Q.Call("admin.pool.UsageDetails", "deep"));
        Assert.StartsWith("0\\0", await Q.Call("admin.pool.Info", "vm-pool"));
    }

    // Adds the pool usb of that driver in its own directory, then deletes the directory; returns its path.
    private async Task<string> AddPoolAndUnplugAsync(string driver, string extraOptions)
    {
        var dir = Dir("usb");
        Assert.Equal("0\\0", await Q.Call("admin.pool.Add", driver, payload: $"name=usb\ndir_path={dir}\n{extraOptions}"));
        Directory.Delete(dir, recursive: true);
        return dir;
    }
}
