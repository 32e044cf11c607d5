import { provideItemCatalog } from '../kit/testing';
import { boardSchema, getItemType } from '../registry';

// Run by vitest before every test file (vitest.config.ts `setupFiles`): the test helpers of
// exercises/kit/testing.ts look item types up in the registry without importing it.
provideItemCatalog({ getItemType, boardSchema });
