import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../tests/helpers/server';
import { ConfigError, configFromEnv, prepareDataDir } from './config';

describe('configFromEnv', () => {
  it('gives the documented defaults for an empty environment', () => {
    const config = configFromEnv({});
    expect(config.port).toBe(8080);
    expect(config.host).toBe('0.0.0.0');
    expect(config.dataDir).toBe(path.resolve('data'));
    expect(config.clientDir).toBe(path.resolve('dist/client'));
    expect(config.logLevel).toBe('info');
    expect(config.shutdownTimeoutMs).toBe(10_000);
    expect(config.publicUrl).toBeUndefined();
    expect(config.tldrawLicenseKey).toBeUndefined();
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT must be a whole number from 0 to 65535, got "eighty"'],
    [{ PORT: '70000' }, 'PORT must be a whole number from 0 to 65535, got "70000"'],
    [{ PORT: '-1' }, 'PORT must be a whole number from 0 to 65535, got "-1"'],
    [{ PORT: '80.5' }, 'PORT must be a whole number from 0 to 65535, got "80.5"'],
    [{ LOG_LEVEL: 'verbose' }, 'LOG_LEVEL must be one of debug, info, warn, error, got "verbose"'],
    [{ PUBLIC_URL: 'boards.example.org' }, 'PUBLIC_URL must be an address like https://boards.example.org, got "boards.example.org"'],
    [{ PUBLIC_URL: 'https://example.org/boards' }, 'PUBLIC_URL must be an origin without a path'],
    [{ PUBLIC_URL: 'ftp://example.org' }, 'PUBLIC_URL must start with https:// or http://'],
    [{ SQLITE_SYNCHRONOUS: 'OFF' }, 'SQLITE_SYNCHRONOUS must be NORMAL or FULL, got "OFF"'],
    [{ SHUTDOWN_TIMEOUT_MS: 'soon' }, 'SHUTDOWN_TIMEOUT_MS must be a whole number (0 or more), got "soon"'],
  ])('refuses %o naming the variable', (env, message) => {
    expect(() => configFromEnv(env)).toThrow(ConfigError);
    expect(() => configFromEnv(env)).toThrow(message);
  });

  it('keeps PUBLIC_URL as an origin, without a trailing slash', () => {
    expect(configFromEnv({ PUBLIC_URL: 'https://Boards.Example.org/' }).publicUrl).toBe('https://boards.example.org');
  });

  it('reads the run-time settings: licence key, log level, metrics token', () => {
    const config = configFromEnv({ TLDRAW_LICENSE_KEY: ' key-123 ', LOG_LEVEL: 'WARN', METRICS_TOKEN: 'scrape-secret' });
    expect(config.tldrawLicenseKey).toBe('key-123');
    expect(config.logLevel).toBe('warn');
    expect(config.metricsToken).toBe('scrape-secret');
  });
});

describe('prepareDataDir', () => {
  it('creates a missing data directory', () => {
    const dir = path.join(tempDir(), 'nested', 'data');
    prepareDataDir(dir);
    expect(fs.statSync(dir).isDirectory()).toBe(true);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('refuses a DATA_DIR that is a file, naming it', () => {
    const file = path.join(tempDir(), 'not-a-dir');
    fs.writeFileSync(file, 'x');
    expect(() => prepareDataDir(file)).toThrow(ConfigError);
    expect(() => prepareDataDir(file)).toThrow(`DATA_DIR "${file}" is not a directory this server can write to`);
  });
});
