@echo off
rem Kiban (基盤) launcher for Windows.
rem   kiban run [--data DIR]       build if needed, start the desk client with the demo town
rem   kiban desk [--data DIR]      start the desk client
rem   kiban cli [--data DIR] ARGS  the administration command line
rem   kiban bench [--quick] ...    benchmarks on generated towns (docs/performance.md)
rem   kiban build                  build the product without tests
rem   kiban test                   full build and tests (on Windows without the Xvfb wrapper)
rem The data folder is --data DIR, else %KIBAN_DATA%, else %LOCALAPPDATA%\Kiban.
setlocal EnableExtensions EnableDelayedExpansion
set "ROOT=%~dp0"
set "ROOT=%ROOT:~0,-1%"
set "ARCHIVE=%ROOT%\releng\jp.kiban.desk.product\target\products\jp.kiban.desk-win32.win32.x86_64.zip"
set "INSTALL=%ROOT%\build\install"

rem --- find a JDK 21+: JAVA_HOME, else the newest under the usual folders
set "JAVA_EXE="
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" call :checkjava "%JAVA_HOME%"
if not defined JAVA_EXE for /d %%D in ("%ProgramFiles%\Eclipse Adoptium\jdk-*" "%ProgramFiles%\Java\jdk-*" "%ProgramFiles%\Microsoft\jdk-*") do if not defined JAVA_EXE call :checkjava "%%~D"
if not defined JAVA_EXE (
  echo kiban: error: no JDK 21 or newer found. Install Eclipse Temurin 21+ and set JAVA_HOME to it. 1>&2
  exit /b 1
)

set "NL=%KIBAN_LANG%"
if "%NL%"=="" set "NL=ja"
set "CMD=%~1"
if "%CMD%"=="" goto usage
shift

rem --- data folder
set "DATA=%KIBAN_DATA%"
if "%DATA%"=="" set "DATA=%LOCALAPPDATA%\Kiban"
set "REST="
:args
if "%~1"=="" goto argsdone
if "%~1"=="--data" (
  set "DATA=%~f2"
  set "REST=!REST! --data "%~f2""
  shift
  shift
  goto args
)
set "REST=!REST! %1"
shift
goto args
:argsdone
if not exist "%DATA%" mkdir "%DATA%"

if /i "%CMD%"=="build" goto build
if /i "%CMD%"=="test" goto test
if /i "%CMD%"=="run" goto run
if /i "%CMD%"=="desk" goto desk
if /i "%CMD%"=="cli" goto cli
if /i "%CMD%"=="bench" goto bench
goto usage

:build
call "%ROOT%\mvnw.cmd" -B -ntp clean verify -DskipTests -pl releng/jp.kiban.desk.product -am
exit /b %ERRORLEVEL%

:test
call "%ROOT%\mvnw.cmd" -B -ntp clean verify
exit /b %ERRORLEVEL%

:install
if not exist "%ARCHIVE%" (
  echo kiban: error: no Windows product at %ARCHIVE%: run "kiban build" first. 1>&2
  exit /b 1
)
rem re-extract when the archive is newer than the installation (after a rebuild)
powershell -NoProfile -Command "$a=Get-Item '%ARCHIVE%'; $m='%INSTALL%\.archive'; if (!(Test-Path $m) -or (Get-Item $m).LastWriteTime -lt $a.LastWriteTime) { if (Test-Path '%INSTALL%') { Remove-Item -Recurse -Force '%INSTALL%' }; Expand-Archive -Force $a.FullName '%INSTALL%'; New-Item -ItemType File -Force $m | Out-Null }"
for %%J in ("%INSTALL%\kiban\plugins\org.eclipse.equinox.launcher_*.jar") do set "LAUNCHER=%%~fJ"
exit /b 0

:run
if not exist "%ARCHIVE%" call :build
call :install || exit /b 1
"%JAVA_EXE%" -Dkiban.data="%DATA%" -Dkiban.demo=true -Dfile.encoding=UTF-8 -Djava.awt.headless=true %KIBAN_JAVA_OPTS% -jar "%LAUNCHER%" -configuration "%DATA%\runtime\desk" -data @none -nl %NL% -consoleLog -clearPersistedState %REST%
exit /b %ERRORLEVEL%

:desk
call :install || exit /b 1
"%JAVA_EXE%" -Dkiban.data="%DATA%" -Dfile.encoding=UTF-8 -Djava.awt.headless=true %KIBAN_JAVA_OPTS% -jar "%LAUNCHER%" -configuration "%DATA%\runtime\desk" -data @none -nl %NL% -clearPersistedState %REST%
exit /b %ERRORLEVEL%

:cli
call :install || exit /b 1
"%JAVA_EXE%" -Dkiban.data="%DATA%" -Dkiban.db.migrate=manual -Dfile.encoding=UTF-8 %KIBAN_JAVA_OPTS% -jar "%LAUNCHER%" -configuration "%DATA%\runtime\cli" -data @none -nl %NL% -nosplash -application jp.kiban.cli.app %REST%
exit /b %ERRORLEVEL%

:bench
rem benchmarks on generated towns (docs/performance.md); the report goes to --out DIR, else bench-results here
call :install || exit /b 1
set "BENCHDATA=%TEMP%\kiban-bench-%RANDOM%"
mkdir "%BENCHDATA%"
"%JAVA_EXE%" -Dkiban.data="%BENCHDATA%" -Dkiban.db.migrate=manual -Dkiban.log.console=WARNING -Djava.awt.headless=true -Dfile.encoding=UTF-8 -Dkiban.launcher="%LAUNCHER%" -Dkiban.bench.javaOpts="%KIBAN_JAVA_OPTS%" -jar "%LAUNCHER%" -configuration "%BENCHDATA%\runtime\bench" -data @none -nl %NL% -nosplash -application jp.kiban.bench.app %REST%
set "RC=%ERRORLEVEL%"
rmdir /s /q "%BENCHDATA%"
exit /b %RC%

:checkjava
rem sets JAVA_EXE when %1 holds a JDK whose feature version is 21 or newer
set "V="
for /f "tokens=2 delims==" %%V in ('"%~1\bin\java.exe" -XshowSettings:properties -version 2^>^&1 ^| findstr /c:"java.specification.version"') do set "V=%%V"
set "V=%V: =%"
if defined V if %V% GEQ 21 if exist "%~1\bin\javac.exe" set "JAVA_EXE=%~1\bin\java.exe"
exit /b 0

:usage
echo usage: kiban run^|desk^|cli^|bench^|build^|test [--data DIR] [args]
exit /b 2
