import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserPathRefusal } from '../../main/wa/providers/wwebjs/browser-path-rules.js';

describe('browser path rules', () => {
  it('accepts the Windows Chrome, Edge and Brave programs on a local drive, in any letter case', () => {
    const accepted = [
      path.win32.join('C:\\Program Files', 'Google', 'Chrome', 'Application', 'chrome.exe'),
      path.win32.join('C:\\Program Files (x86)', 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
      path.win32.join('D:\\Users\\kasir\\AppData\\Local', 'BraveSoftware', 'Brave-Browser', 'Application', 'brave.exe'),
      'c:/portable/Chromium/CHROME.EXE',
    ];
    for (const file of accepted) expect(browserPathRefusal(file, 'win32'), file).toBeNull();
  });

  it('accepts the Linux and macOS browser programs', () => {
    const linux = ['google-chrome', 'google-chrome-stable', 'chromium', 'chromium-browser', 'microsoft-edge', 'brave', 'brave-browser'];
    for (const name of linux) expect(browserPathRefusal(path.posix.join('/usr/bin', name), 'linux'), name).toBeNull();
    expect(browserPathRefusal('/opt/google/chrome/chrome', 'linux')).toBeNull();
    expect(browserPathRefusal('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', 'darwin')).toBeNull();
    expect(browserPathRefusal('/Applications/Brave Browser.app/Contents/MacOS/Brave Browser', 'darwin')).toBeNull();
  });

  it('refuses any program that is not a browser build, scripts included', () => {
    const refused: [string, NodeJS.Platform][] = [
      ['C:\\Windows\\System32\\cmd.exe', 'win32'],
      ['C:\\Users\\kasir\\Downloads\\chrome.bat', 'win32'],
      ['C:\\Users\\kasir\\chrome.exe.lnk', 'win32'],
      ['C:\\Program Files\\Google\\Chrome\\Application\\chrome', 'win32'],
      ['/bin/sh', 'linux'],
      ['/tmp/chrome.sh', 'linux'],
      ['/home/kasir/evil', 'linux'],
      ['/usr/bin/node', 'linux'],
      ['/Applications/Terminal.app/Contents/MacOS/Terminal', 'darwin'],
    ];
    for (const [file, platform] of refused) expect(browserPathRefusal(file, platform), file).toBe('waWwebjs.browserPathNotBrowser');
  });

  it('refuses network shares, device paths and URLs on every platform', () => {
    const network = [
      '\\\\server\\share\\chrome.exe',
      '//server/share/chrome.exe',
      '\\\\?\\UNC\\server\\share\\chrome.exe',
      '\\\\.\\C:\\chrome.exe',
      'smb://server/share/chrome.exe',
      'file:///C:/Program%20Files/Google/Chrome/Application/chrome.exe',
      'FILE:///usr/bin/chromium',
    ];
    for (const file of network) {
      expect(browserPathRefusal(file, 'win32'), file).toBe('waWwebjs.browserPathNetwork');
      expect(browserPathRefusal(file, 'linux'), file).toBe('waWwebjs.browserPathNetwork');
    }
    // path.win32 itself calls a UNC path absolute: the rule must not lean on it.
    expect(path.win32.isAbsolute('\\\\server\\share\\chrome.exe')).toBe(true);
  });

  it('refuses relative paths, a Windows path without its drive, and control characters', () => {
    expect(browserPathRefusal('chrome.exe', 'win32')).toBe('waWwebjs.browserPathNotAbsolute');
    expect(browserPathRefusal('..\\chrome.exe', 'win32')).toBe('waWwebjs.browserPathNotAbsolute');
    expect(browserPathRefusal('C:chrome.exe', 'win32')).toBe('waWwebjs.browserPathNotAbsolute');
    expect(browserPathRefusal('\\Program Files\\Google\\Chrome\\Application\\chrome.exe', 'win32')).toBe('waWwebjs.browserPathNotAbsolute');
    expect(browserPathRefusal('bin/chromium', 'linux')).toBe('waWwebjs.browserPathNotAbsolute');
    expect(browserPathRefusal('./chromium', 'linux')).toBe('waWwebjs.browserPathNotAbsolute');
    expect(browserPathRefusal('/usr/bin/chromium\u0000.sh', 'linux')).toBe('waWwebjs.browserPathNotAbsolute');
  });
});
