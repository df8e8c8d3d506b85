@echo off
rem drizzle.cmd: run the Drizzle host on Windows, from cmd or PowerShell (the zip's bin\ folder).
rem The class path is every jar in the installation's lib\; nothing is written into the
rem installation: the AppCDS archives go to %LOCALAPPDATA%\Drizzle\cds (see docs/install.md).
rem Flow by goto, not by ( ) blocks: a path such as "C:\Program Files (x86)\..." ends a block.
setlocal EnableExtensions DisableDelayedExpansion
for %%r in ("%~dp0..") do set "DRIZZLE_ROOT=%%~fr"
if not exist "%DRIZZLE_ROOT%\lib\drizzle.classpath" goto nolib

rem Java 17 or later: %JAVA_HOME%\bin\java.exe, else java.exe on PATH.
set "JAVA="
if defined JAVA_HOME set "JAVA=%JAVA_HOME%\bin\java.exe"
if defined JAVA goto havejava
for %%j in (java.exe) do set "JAVA=%%~$PATH:j"
if not defined JAVA goto nojava
:havejava
if not exist "%JAVA%" goto nojava
rem The version from the runtime's release file, else from java -version.
for %%j in ("%JAVA%") do set "JHOME=%%~dpj.."
set "JVER="
if not exist "%JHOME%\release" goto askjava
for /f "usebackq tokens=1,* delims==" %%k in ("%JHOME%\release") do if "%%k"=="JAVA_VERSION" set "JVER=%%~l"
:askjava
if defined JVER goto major
for /f "tokens=1-3" %%a in ('call "%JAVA%" -version 2^>^&1') do if /i "%%b"=="version" set "JVER=%%~c"
:major
set "JMAJOR=0"
for /f "tokens=1,2 delims=._-+" %%a in ("%JVER%") do set "JMAJOR=%%a" & if "%%a"=="1" set "JMAJOR=%%b"
set /a JMAJOR=JMAJOR 2>nul
if %JMAJOR% LSS 17 goto oldjava

set "OPTS=-XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:+UseSerialGC -Xss4m --add-opens java.base/java.net=ALL-UNNAMED --add-opens java.base/java.io=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dorg.slf4j.simpleLogger.logFile=System.err"

rem AppCDS: one archive per user, installation folder and build (line 1 of lib\drizzle.classpath).
if "%DRIZZLE_CDS%"=="0" goto run
rem A dynamic archive needs the runtime's base archive (a jlink'd runtime may have none).
if not exist "%JHOME%\bin\server\classes.jsa" goto run
if not defined LOCALAPPDATA goto run
set "BUILD_ID="
for /f "usebackq delims=" %%i in ("%DRIZZLE_ROOT%\lib\drizzle.classpath") do if not defined BUILD_ID set "BUILD_ID=%%i"
set "KEY=%DRIZZLE_ROOT:\=_%"
set "KEY=%KEY::=_%"
set "CDS=%LOCALAPPDATA%\Drizzle\cds\%KEY%"
set "JSA=%CDS%\host-%BUILD_ID%.jsa"
if exist "%JSA%" goto usejsa
rem Only a one-shot host run records the archive: a service dumps its classes when it stops, days
rem later, and bitsadmin loads another set; either would leave an archive a command line gains little from.
if /i "%~1"=="service" goto run
if /i "%~1"=="server" goto run
if /i "%~1"=="bitsadmin" goto run
if not exist "%CDS%" mkdir "%CDS%" 2>nul
if not exist "%CDS%" goto run
del /q "%CDS%\host-*.jsa" 2>nul
set "OPTS=%OPTS% -XX:ArchiveClassesAtExit="%JSA%" -Ddrizzle.cds.record=true -Xlog:cds=off -Xlog:cds+dynamic=off"
goto run
:usejsa
set "OPTS=%OPTS% -XX:SharedArchiveFile="%JSA%" -Xlog:cds=off -Xlog:cds+dynamic=off"

:run
"%JAVA%" %OPTS% -cp "%DRIZZLE_ROOT%\lib\*" org.drizzle.host.Main %*
exit /b %ERRORLEVEL%

:nolib
echo drizzle: %DRIZZLE_ROOT%\lib\drizzle.classpath is missing; run drizzle.cmd from an unpacked Drizzle zip. 1>&2
exit /b 1
:nojava
echo drizzle: no Java found (JAVA_HOME is not set, or has no bin\java.exe, and there is no java.exe on PATH). Drizzle needs Java 17 or later: install one or set JAVA_HOME to one. 1>&2
exit /b 1
:oldjava
echo drizzle: %JAVA% is Java %JMAJOR%. Drizzle needs Java 17 or later: install one or set JAVA_HOME to one. 1>&2
exit /b 1
