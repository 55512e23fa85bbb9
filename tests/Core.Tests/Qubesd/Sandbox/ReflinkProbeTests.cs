namespace QubesPoolConsole.Core.Tests.Qubesd.Sandbox;

/// <summary>
/// file-reflink's real FICLONE probe, checked against what <c>cp --reflink=always</c> says about this machine's
/// temp file system (ext4 here: no reflinks; Btrfs or XFS: reflinks), whichever it is.
/// </summary>
public sealed class ReflinkProbeTests : SandboxTests
{
    [Fact]
    public async Task Add_FollowsTheFileSystem()
    {
        var dir = Dir("reflink");
        var reply = await Q.Call("admin.pool.Add", "file-reflink", payload: $"name=rp\ndir_path={dir}\n");
        if (ReflinkSupport.Observe(Q.Root))
        {
            Assert.Equal("0\\0", reply);
            Assert.True(Directory.Exists(Path.Combine(dir, "appvms")));
            Assert.True(Directory.Exists(Path.Combine(dir, "vm-templates")));
            Assert.Empty(Directory.GetFiles(dir));
        }
        else
        {
            Assert.Equal($"2\\0StoragePoolException\\0\\0The filesystem for '{dir}' does not support reflinks. If you can "
                + "live with VM startup delays and wasted disk space, pass the \"setup_check=False\" option.\\0", reply);
            // The directory the probe created is removed again; nothing was added.
            Assert.False(Directory.Exists(dir));
            Assert.Equal("0\\0varlibqubes\nlinux-kernel\nvm-pool\n", await Q.Call("admin.pool.List"));
        }
    }

    [Fact]
    public async Task Add_AnExistingDirectory_IsKeptWhenTheProbeFails()
    {
        var dir = Dir("existing");
        Directory.CreateDirectory(dir);
        var reply = await Q.Call("admin.pool.Add", "file-reflink", payload: $"name=rp\ndir_path={dir}\n");
        Assert.Equal(ReflinkSupport.Observe(Q.Root), reply == "0\\0");
        Assert.True(Directory.Exists(dir));
    }

    [Fact]
    public async Task SetupCheckFalse_SkipsTheProbe_AndIsNotStored()
    {
        var dir = Dir("unchecked");
        Assert.Equal("0\\0", await Q.Call("admin.pool.Add", "file-reflink", payload: $"name=rp\ndir_path={dir}\nsetup_check=False\n"));
        var info = await Q.Call("admin.pool.Info", "rp");
        Assert.StartsWith($"0\\0dir_path={dir}\ndriver=file-reflink\nephemeral_volatile=False\nname=rp\nrevisions_to_keep=1\nsize=", info);
        Assert.DoesNotContain("setup_check", info);
        Assert.DoesNotContain("setup_check", File.ReadAllText(Path.Combine(Q.DataDir, "qubes.xml")));
    }

    [Fact]
    public async Task Seed_PicksTheVarlibqubesDriverByTheProbe()
        => Assert.Contains(ReflinkSupport.Observe(Q.Root) ? "\ndriver=file-reflink\n" : "\ndriver=file\n",
            await Q.Call("admin.pool.Info", "varlibqubes"));
}
