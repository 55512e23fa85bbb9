using QubesPoolConsole.Components.Layout;

namespace QubesPoolConsole.Components.Tests.Layout;

public class ThemeToggleTests : ComponentTestContext
{
    private BunitJSModuleInterop Module(string? stored, bool systemDark)
    {
        var module = JSInterop.SetupModule(ThemeToggle.ModulePath);
        module.Mode = JSRuntimeMode.Strict;
        module.Setup<ThemeToggle.ThemeState?>("start", _ => true).SetResult(new ThemeToggle.ThemeState(stored, systemDark));
        module.SetupVoid("remember", _ => true).SetVoidResult();
        module.SetupVoid("stop").SetVoidResult();
        return module;
    }

    private static AngleSharp.Dom.IElement Button(IRenderedComponent<ThemeToggle> cut) => cut.Find("button[aria-label='Dark theme']");

    [Fact]
    public void FirstRender_NoStoredChoiceAndDarkSystem_FollowsTheSystemIntoDark()
    {
        Module(stored: null, systemDark: true);
        bool? reported = null;

        var cut = Render<ThemeToggle>(p => p.Add(t => t.IsDarkModeChanged, (bool d) => reported = d));

        cut.WaitForAssertion(() => Assert.Equal("true", Button(cut).GetAttribute("aria-pressed")));
        Assert.True(reported);
        Assert.Equal("system", cut.Instance.Source);
    }

    [Fact]
    public void FirstRender_StoredLightChoice_WinsOverADarkSystem()
    {
        Module(stored: "light", systemDark: true);
        bool? reported = null;

        var cut = Render<ThemeToggle>(p => p.Add(t => t.IsDarkModeChanged, (bool d) => reported = d));

        cut.WaitForAssertion(() => Assert.False(reported));
        Assert.Equal("false", Button(cut).GetAttribute("aria-pressed"));
        Assert.Equal("user", cut.Instance.Source);
    }

    [Fact]
    public void Click_FromLight_SwitchesToDarkAndRemembersIt()
    {
        var module = Module(stored: null, systemDark: false);
        // Recorded on the renderer's thread, read on the test's: the click can still be running when Click()
        // returns (it failed twice enumerating a List<bool> while the click added to it), so a concurrent queue.
        var changes = new System.Collections.Concurrent.ConcurrentQueue<bool>();
        var cut = Render<ThemeToggle>(p => p.Add(t => t.IsDarkModeChanged, (bool d) => changes.Enqueue(d)));
        cut.WaitForAssertion(() => Assert.Equal([false], changes.ToArray()));

        Button(cut).Click();

        cut.WaitForAssertion(() => Assert.Equal([false, true], changes.ToArray()));
        cut.WaitForAssertion(() => Assert.Equal("true", Button(cut).GetAttribute("aria-pressed")));
        // The module is called from the click's continuation: read the invocations as a copy once it arrived
        // (enumerating the live list while that call is recorded throws).
        JSRuntimeInvocation[] Remembered()
        {
            try { return module.Invocations.Where(i => i.Identifier == "remember").ToArray(); }
            catch (InvalidOperationException) { return []; } // being recorded right now: look again
        }
        Assert.True(SpinWait.SpinUntil(() => Remembered().Length > 0, TimeSpan.FromSeconds(5)));
        var remembered = Assert.Single(Remembered());
        Assert.Equal("dark", remembered.Arguments[0]);
    }

    [Fact]
    public async Task SystemChange_AfterTheUserChose_IsIgnored()
    {
        Module(stored: null, systemDark: false);
        var changes = new System.Collections.Concurrent.ConcurrentQueue<bool>(); // see the test above
        var cut = Render<ThemeToggle>(p => p.Add(t => t.IsDarkModeChanged, (bool d) => changes.Enqueue(d)));
        cut.WaitForAssertion(() => Assert.Equal([false], changes.ToArray()));

        await cut.InvokeAsync(() => cut.Instance.OnSystemThemeChanged(true)); // still following: goes dark
        Button(cut).Click();                                                  // the user picks light
        await cut.InvokeAsync(() => cut.Instance.OnSystemThemeChanged(true)); // ignored now

        cut.WaitForAssertion(() => Assert.Equal([false, true, false], changes.ToArray()));
        Assert.Equal("false", Button(cut).GetAttribute("aria-pressed"));
    }
}
