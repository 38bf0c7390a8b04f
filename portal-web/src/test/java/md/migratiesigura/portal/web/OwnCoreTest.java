package md.migratiesigura.portal.web;

import md.migratiesigura.portal.PortalCore;
import md.migratiesigura.portal.PortalServices;
import md.migratiesigura.portal.config.PortalConfig;
import org.apache.wicket.util.tester.WicketTester;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * Web tests that need a real core of their own instead of {@link TestPortal}'s shared one, because what they change
 * (the navigation, a published year, an imported register, the first password) must not change what other tests
 * see. The core starts once per class on a database of the given name and closes after it; each test gets a fresh
 * {@link WicketTester}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class OwnCoreTest {

    private final String databaseName;
    protected PortalConfig config;
    protected PortalServices core;
    protected WicketTester tester;

    protected OwnCoreTest(String databaseName) {
        this.databaseName = databaseName;
    }

    /** What the class needs before its first test; by default, the first administrator's password is changed. */
    protected void prepare(PortalServices started) {
        TestPortal.firstPasswordChanged(started);
    }

    @BeforeAll
    final void startOwnCore() {
        config = TestPortal.newConfig(databaseName);
        core = PortalCore.start(config);
        prepare(core);
    }

    @AfterAll
    final void closeOwnCore() {
        core.close();
    }

    @BeforeEach
    final void newTester() {
        tester = new WicketTester(new PortalApplication(core, config));
    }

    @AfterEach
    final void destroyTester() {
        tester.destroy();
    }
}
